// Tutorial, step 1 (docs/tutorial.md): write a loss, differentiate it, read it as text and as
// LaTeX, evaluate it. The lines between the `// [name]` markers are spliced into the tutorial
// page by docs/splice.cmake, and this program's output is embedded below them.
#include <nabla/nabla.hpp>

#include <cstdlib>
#include <iostream>

// [loss]
// Symbols are types: their names are part of the expression's type.
constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;

// Rosenbrock's banana valley, written as ordinary C++. `1_c` and `100_c` are exact
// compile-time constants, so derivatives fold them (2 * 100 becomes 200 in the type).
using namespace nabla::literals;
constexpr auto f = pow(1_c - x, 2_c) + 100_c * pow(y - x * x, 2_c);
// [loss]

int main() {
    // [derivatives]
    constexpr auto dfdx = nabla::d(f, x);        // an expression, simplified at compile time
    constexpr auto g = nabla::gradient(f, x, y); // (df/dx, df/dy)
    constexpr auto H = nabla::hessian(f, x, y);  // upper triangle, structural zeros known
    std::cout << "f       = " << nabla::to_string(f) << "\n"
              << "df/dx   = " << nabla::to_string(dfdx) << "\n"
              << "df/dy   = " << nabla::to_string(g.get<1>()) << "\n"
              << "d2f/dx2 = " << nabla::to_string(H.get<0, 0>()) << "\n"
              << "d2f/dxdy = " << nabla::to_string(H.get<0, 1>()) << "\n"
              << "d2f/dy2 = " << nabla::to_string(H.get<1, 1>()) << "\n";
    // [derivatives]

    // [latex]
    // to_latex prints for MathJax or a paper; the tutorial page typesets these very lines.
    std::cout << "latex: f = " << nabla::to_latex(f) << "\n"
              << "latex: \\frac{\\partial f}{\\partial x} = " << nabla::to_latex(dfdx) << "\n"
              << "latex: \\frac{\\partial f}{\\partial y} = " << nabla::to_latex(g.get<1>())
              << "\n";
    // [latex]

    // [evaluate]
    // Bind values by name, in any order; the gradient evaluates to a std::array.
    const double value = nabla::eval(f, x = -1.2, y = 1.0);
    const auto grad = nabla::eval(g, y = 1.0, x = -1.2);
    // Value, gradient and Hessian in one pass that computes each shared subexpression once.
    const auto [v, gv, hv] = nabla::eval_all(f, nabla::wrt(x, y), std::array{-1.2, 1.0});
    std::cout << "f(-1.2, 1) = " << value << ", gradient = (" << grad[0] << ", " << grad[1]
              << "), d2f/dx2 = " << hv(0, 0) << "\n";
    // [evaluate]
    return value == v && grad[0] == gv[0] ? EXIT_SUCCESS : EXIT_FAILURE;
}
