// Printers, simplification, common-subexpression elimination and run-time edge values:
// - golden strings for to_string / to_latex / to_cpp, each written from the math and the
//   printers' documented conventions (canonical order: numbers, symbols by name, sums, products,
//   powers, functions; minimal parentheses; negative terms as subtraction; x^-1 as a fraction);
// - static_asserts on the types simplification produces, and Hessian structural zeros;
// - an instrumented scalar type counting calls, which proves each distinct subexpression of
//   value, gradient and Hessian is computed once, and plan sizes against tree sizes;
// - NaN, Inf and domain errors at run time, and softplus / sigmoid far in their tails.
#include <nabla/nabla.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

namespace {

namespace tt = boost::test_tools;
using namespace nabla::literals;

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;
constexpr nabla::var<"z"> z;

template <class A, class B>
inline constexpr bool same = std::is_same_v<std::remove_cvref_t<A>, std::remove_cvref_t<B>>;

} // namespace

BOOST_AUTO_TEST_SUITE(printers)

BOOST_AUTO_TEST_CASE(polynomial_in_canonical_order) {
    const auto e = x * x + 3_c * x + 2_c; // numbers first, then x, then the power x^2
    BOOST_TEST(nabla::to_string(e) == "2 + 3 * x + x^2");
    BOOST_TEST(nabla::to_latex(e) == "2 + 3 x + x^{2}");
    BOOST_TEST(nabla::to_cpp(e) == "2.0 + 3.0 * x + std::pow(x, 2)");
}

BOOST_AUTO_TEST_CASE(negative_terms_are_subtraction) {
    BOOST_TEST(nabla::to_string(x - y) == "x - y");
    BOOST_TEST(nabla::to_string(x - 2_c * y) == "x - 2 * y");
    BOOST_TEST(nabla::to_string(x - 0.5 * y) == "x - 0.5 * y");
    BOOST_TEST(nabla::to_string(-x) == "-x");
    BOOST_TEST(nabla::to_string(-(x + y)) == "-x - y");
    BOOST_TEST(nabla::to_string(x - sin(y)) == "x - sin(y)");
    BOOST_TEST(nabla::to_string(pow(x, 3_c) - x) == "-x + x^3");
    BOOST_TEST(nabla::to_latex(x - 2_c * y) == "x - 2 y");
    BOOST_TEST(nabla::to_cpp(x - 2_c * y) == "x - 2.0 * y");
}

BOOST_AUTO_TEST_CASE(minimal_parentheses) {
    BOOST_TEST(nabla::to_string(x * (y + 1_c)) == "x * (1 + y)");
    BOOST_TEST(nabla::to_string((x + y) * (x - y)) == "(x + y) * (x - y)");
    BOOST_TEST(nabla::to_string(x * y + z) == "z + x * y");
    BOOST_TEST(nabla::to_string(sin(x + y)) == "sin(x + y)");
    BOOST_TEST(nabla::to_string(pow(x * y, 2_c)) == "(x * y)^2");
    BOOST_TEST(nabla::to_string(pow(x + 1_c, nabla::c<3, 2>)) == "(1 + x)^(3/2)");
    BOOST_TEST(nabla::to_string(pow(-x, 2_c)) == "(-x)^2");
    BOOST_TEST(nabla::to_string(x * y * z) == "x * y * z");
    BOOST_TEST(nabla::to_latex((x + y) * (x - y)) == "\\left(x + y\\right) \\left(x - y\\right)");
    BOOST_TEST(nabla::to_latex(pow(x + 1_c, nabla::c<3, 2>)) ==
               "\\left(1 + x\\right)^{\\frac{3}{2}}");
    BOOST_TEST(nabla::to_cpp(pow(x + 1_c, nabla::c<3, 2>)) == "std::pow(1.0 + x, 3.0 / 2)");
    BOOST_TEST(nabla::to_cpp((x + y) * (x - y)) == "(x + y) * (x - y)");
}

BOOST_AUTO_TEST_CASE(fractions) {
    BOOST_TEST(nabla::to_string(x / y) == "x / y");
    BOOST_TEST(nabla::to_string(x / (y * z)) == "x / (y * z)");
    BOOST_TEST(nabla::to_string(-x / y) == "-x / y");
    BOOST_TEST(nabla::to_string(pow(x, -2_c)) == "1 / x^2");
    BOOST_TEST(nabla::to_string(nabla::c<1, 2> * x) == "x / 2");
    BOOST_TEST(nabla::to_string(1_c / (1_c + exp(-x))) == "1 / (1 + exp(-x))");
    BOOST_TEST(nabla::to_latex(x / y) == "\\frac{x}{y}");
    BOOST_TEST(nabla::to_latex(x / (y * z)) == "\\frac{x}{y z}");
    BOOST_TEST(nabla::to_latex(nabla::c<1, 2> * x) == "\\frac{x}{2}");
    BOOST_TEST(nabla::to_latex(1_c / (1_c + exp(-x))) == "\\frac{1}{1 + e^{-x}}");
    BOOST_TEST(nabla::to_latex((1_c + x) / y) == "\\frac{1 + x}{y}");
    BOOST_TEST(nabla::to_latex((1_c + x) * z / y) == "\\frac{z \\left(1 + x\\right)}{y}");
    BOOST_TEST(nabla::to_latex(x / (y * (1_c + z))) == "\\frac{x}{y \\left(1 + z\\right)}");
    BOOST_TEST(nabla::to_cpp(x / (y * z)) == "x / (y * z)");
    BOOST_TEST(nabla::to_cpp(1_c / (1_c + exp(-x))) == "1.0 / (1.0 + std::exp(-x))");
}

BOOST_AUTO_TEST_CASE(functions) {
    BOOST_TEST(nabla::to_string(sqrt(x)) == "sqrt(x)");
    BOOST_TEST(nabla::to_string(cbrt(x)) == "cbrt(x)");
    BOOST_TEST(nabla::to_string(2_c * sqrt(x)) == "2 * sqrt(x)");
    BOOST_TEST(nabla::to_string(exp(x) * sin(y)) == "exp(x) * sin(y)");
    BOOST_TEST(nabla::to_string(max(x, y)) == "max(x, y)");
    BOOST_TEST(nabla::to_latex(sqrt(x)) == "\\sqrt{x}");
    BOOST_TEST(nabla::to_latex(cbrt(x)) == "\\sqrt[3]{x}");
    BOOST_TEST(nabla::to_latex(exp(x) * sin(y)) == "e^{x} \\sin\\left(y\\right)");
    BOOST_TEST(nabla::to_latex(abs(x - y)) == "\\left|x - y\\right|");
    BOOST_TEST(nabla::to_latex(atan(x)) == "\\arctan\\left(x\\right)");
    BOOST_TEST(nabla::to_latex(softplus(x)) == "\\operatorname{softplus}\\left(x\\right)");
    BOOST_TEST(nabla::to_cpp(sqrt(x)) == "std::sqrt(x)");
    BOOST_TEST(nabla::to_cpp(exp(x) * sin(y)) == "std::exp(x) * std::sin(y)");
    BOOST_TEST(nabla::to_cpp(max(x, y)) == "std::max(x, y)");
    BOOST_TEST(nabla::to_cpp(sigmoid(x)) == "nabla::scalar::sigmoid(x)");
    BOOST_TEST(nabla::to_cpp(softplus(x)) == "nabla::scalar::softplus(x)");
}

// What to_cpp names must exist: printed code compiles against <nabla/nabla.hpp>.
BOOST_AUTO_TEST_CASE(printed_cpp_names_exist) {
    BOOST_TEST(nabla::scalar::sigmoid(0.0) == 0.5);
    BOOST_TEST(nabla::scalar::softplus(0.0) == std::log(2.0), tt::tolerance(1e-15));
    BOOST_TEST(nabla::scalar::sign(-3.0) == -1.0);
    BOOST_TEST(nabla::scalar::heaviside(0.0) == 0.5);
}

BOOST_AUTO_TEST_CASE(derivatives_print_simplified) {
    BOOST_TEST(nabla::to_string(nabla::d(3_c * x * x, x)) == "6 * x");
    BOOST_TEST(nabla::to_string(nabla::d(sin(x), x)) == "cos(x)");
    BOOST_TEST(nabla::to_string(nabla::d(cos(x), x)) == "-sin(x)");
    BOOST_TEST(nabla::to_string(nabla::d(log(x), x)) == "1 / x");
    BOOST_TEST(nabla::to_latex(nabla::d(sqrt(x), x)) == "\\frac{1}{2 \\sqrt{x}}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(simplification)

// Every assertion is on types: it holds at compile time or the file does not build.
BOOST_AUTO_TEST_CASE(result_types) {
    // exact constants fold
    static_assert(same<decltype(nabla::d(3_c * x * x, x)), decltype(6_c * x)>);
    static_assert(same<decltype(3_c * x * 2_c), decltype(6_c * x)>);
    static_assert(same<decltype(nabla::c<2, 4>), nabla::rational<1, 2>>);
    // x - x, identities with 0 and 1
    static_assert(nabla::is_zero_v<std::remove_cvref_t<decltype(x - x)>>);
    static_assert(nabla::is_zero_v<std::remove_cvref_t<decltype(0_c * exp(x))>>);
    static_assert(same<decltype(1_c * x), decltype(x)>);
    static_assert(same<decltype(x + 0_c), decltype(x)>);
    static_assert(same<decltype(x + 1_c - 1_c), decltype(x)>);
    static_assert(same<decltype(-(-x)), decltype(x)>);
    // canonical order of commutative operands
    static_assert(same<decltype(x + y), decltype(y + x)>);
    static_assert(same<decltype(x * y * z), decltype(z * (y * x))>);
    static_assert(same<decltype(sin(x) + exp(y)), decltype(exp(y) + sin(x))>);
    // like terms
    static_assert(same<decltype(2_c * x + 3_c * x), decltype(5_c * x)>);
    static_assert(same<decltype(3_c * x + y - x), decltype(y + 2_c * x)>);
    static_assert(same<decltype(x * y - y * x + z), decltype(z)>);
    // powers: x x = x^2, x^2 x^3 = x^5, (x^2)^3 = x^6, x^2 / x = x, x / x = 1
    static_assert(same<decltype(x * x), decltype(pow(x, nabla::c<2>))>);
    static_assert(same<decltype(pow(x, 2_c) * pow(x, 3_c)), decltype(pow(x, 5_c))>);
    static_assert(same<decltype(pow(pow(x, 2_c), 3_c)), decltype(pow(x, 6_c))>);
    static_assert(same<decltype(x * x / x), decltype(x)>);
    static_assert(nabla::is_one_v<std::remove_cvref_t<decltype(x / x)>>);
    static_assert(same<decltype(cbrt(x) * cbrt(x) * cbrt(x)), decltype(x)>);
    static_assert(same<decltype(pow(x, 1_c)), decltype(x)>);
    static_assert(nabla::is_one_v<std::remove_cvref_t<decltype(pow(x, 0_c))>>);
    // ... but never a rewrite that widens the domain: sqrt(x)^2 is NaN for x < 0, x is not
    static_assert(!same<decltype(sqrt(x) * sqrt(x)), decltype(x)>);
    static_assert(!same<decltype(pow(sqrt(x), 2_c)), decltype(x)>);
    // exact function values and inverse pairs
    static_assert(nabla::is_one_v<std::remove_cvref_t<decltype(exp(0_c))>>);
    static_assert(nabla::is_zero_v<std::remove_cvref_t<decltype(log(1_c))>>);
    static_assert(same<decltype(log(exp(x))), decltype(x)>);
    static_assert(same<decltype(abs(abs(x))), decltype(abs(x))>);
    static_assert(same<decltype(max(x, x)), decltype(x)>);
    // derivatives reuse nodes
    static_assert(same<decltype(nabla::d(sin(x), x)), decltype(cos(x))>);
    static_assert(same<decltype(nabla::d(exp(2_c * x), x)), decltype(2_c * exp(2_c * x))>);
    static_assert(same<decltype(nabla::d(x * y, x)), decltype(y)>);
    static_assert(nabla::is_zero_v<std::remove_cvref_t<decltype(nabla::d(exp(y), x))>>);
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(structural_zeros) {
    constexpr auto h = nabla::hessian(x * x + y * y, x, y);
    using H = std::remove_cvref_t<decltype(h)>;
    static_assert(H::is_structural_zero(0, 1) && H::is_structural_zero(1, 0));
    static_assert(!H::is_structural_zero(0, 0) && !H::is_structural_zero(1, 1));
    static_assert(H::nonzeros == 2);
    static_assert(same<decltype(h.get<0, 0>()), decltype(2_c)>);

    // a separable sum of three: only the diagonal survives; x y z: only the off-diagonal
    using S = decltype(nabla::hessian(exp(x) + sin(y) + z * z, x, y, z));
    static_assert(S::nonzeros == 3 && S::is_structural_zero(0, 2) && S::is_structural_zero(1, 2));
    using P = decltype(nabla::hessian(x * y * z, x, y, z));
    static_assert(P::nonzeros == 3 && P::is_structural_zero(0, 0) && !P::is_structural_zero(0, 1));

    using G = decltype(nabla::gradient(x * x, x, y));
    static_assert(G::structural_zeros == std::array{false, true});
    // with no symbols listed: every free symbol, sorted by name
    using A = decltype(nabla::gradient(z * y + x));
    static_assert(A::size == 3);
    static_assert(same<decltype(nabla::gradient(z * y + x).get<1>()), decltype(z)>);

    // an exact zero absorbs even a factor that evaluates to NaN: d2/dxdy (x + log y) at y = -1
    const auto v = nabla::eval(nabla::hessian(x + log(y), x, y), x = 1.0, y = -1.0);
    BOOST_TEST(v(0, 1) == 0.0);
    BOOST_TEST(std::isnan(nabla::eval(log(y), y = -1.0)));
}

BOOST_AUTO_TEST_SUITE_END()

// ---- common-subexpression elimination ----------------------------------------------------------

// A named namespace, not an anonymous one: the friend functions are an interface, some of them
// unused by a given plan, and must not draw unused-function warnings.
namespace nabla_test {

//! A double that counts the calls of each function, to prove what the plan computes.
struct counted {
    double v = 0;
    counted() = default;
    counted(double d) : v(d) {} // NOLINT: implicit, like a floating-point type

    struct calls {
        int exp = 0, log = 0, log1p = 0, expm1 = 0, sin = 0, cos = 0, mul = 0, add = 0, div = 0;
    };
    static calls& count() {
        static calls c;
        return c;
    }

    friend counted operator+(counted a, counted b) { return ++count().add, counted{a.v + b.v}; }
    friend counted operator-(counted a, counted b) { return ++count().add, counted{a.v - b.v}; }
    friend counted operator*(counted a, counted b) { return ++count().mul, counted{a.v * b.v}; }
    friend counted operator/(counted a, counted b) { return ++count().div, counted{a.v / b.v}; }
    friend counted operator-(counted a) { return counted{-a.v}; }
    friend bool operator<(counted a, counted b) { return a.v < b.v; }
    friend bool operator>(counted a, counted b) { return a.v > b.v; }
    friend bool operator<=(counted a, counted b) { return a.v <= b.v; }
    friend bool operator>=(counted a, counted b) { return a.v >= b.v; }
    friend bool operator==(counted a, counted b) { return a.v == b.v; }
    friend counted exp(counted a) { return ++count().exp, counted{std::exp(a.v)}; }
    friend counted expm1(counted a) { return ++count().expm1, counted{std::expm1(a.v)}; }
    friend counted log(counted a) { return ++count().log, counted{std::log(a.v)}; }
    friend counted log1p(counted a) { return ++count().log1p, counted{std::log1p(a.v)}; }
    friend counted sin(counted a) { return ++count().sin, counted{std::sin(a.v)}; }
    friend counted cos(counted a) { return ++count().cos, counted{std::cos(a.v)}; }
    friend counted abs(counted a) { return counted{std::abs(a.v)}; }
    friend counted sqrt(counted a) { return counted{std::sqrt(a.v)}; }
    friend counted pow(counted a, counted b) { return counted{std::pow(a.v, b.v)}; }
};

} // namespace nabla_test

namespace {

using nabla_test::counted;

constexpr nabla::var<"w1"> w1;
constexpr nabla::var<"w2"> w2;
constexpr nabla::var<"w3"> w3;
constexpr nabla::var<"w4"> w4;
constexpr nabla::var<"w5"> w5;

//! Distinct evaluated nodes of value, gradient and Hessian, and their total tree size.
template <class F, class... G, std::size_t N, class... H>
constexpr std::array<std::size_t, 2>
plan_and_tree(F const&, nabla::expression_vector<G...> const&,
              nabla::symmetric_expression_matrix<N, H...> const&) {
    return {nabla::detail::plan_t<F, G..., H...>::size,
            nabla::tree_size_v<F> + (std::size_t{0} + ... + nabla::tree_size_v<G>)+(
                                        std::size_t{0} + ... + nabla::tree_size_v<H>)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(cse)

BOOST_AUTO_TEST_CASE(logistic_loss_calls_exp_once) {
    // log(1 + e^{-a.w}): the gradient is -a_i e^{-a.w} / (1 + e^{-a.w}) and the Hessian
    // a_i a_j e^{-a.w} / (1 + e^{-a.w})^2; all of them share one e^{-a.w} and one log.
    const double a1 = 0.5, a2 = -1.25, a3 = 2.0, a4 = 0.75, a5 = -0.375;
    const auto loss = log(1 + exp(-(w1 * a1 + w2 * a2 + w3 * a3 + w4 * a4 + w5 * a5)));
    const auto w = nabla::wrt(w1, w2, w3, w4, w5);
    const std::array<double, 5> p{0.1, -0.2, 0.3, 0.05, 1.5};
    const std::array<counted, 5> cp{p[0], p[1], p[2], p[3], p[4]};

    counted::count() = {};
    const auto [v, g, h] = nabla::eval_all(loss, w, cp);
    BOOST_TEST(counted::count().exp == 1);
    BOOST_TEST(counted::count().log + counted::count().log1p == 1);

    counted::count() = {};
    const auto vg = nabla::eval_gradient(loss, w, cp);
    BOOST_TEST(counted::count().exp == 1);

    counted::count() = {};
    (void)nabla::eval(nabla::gradient(loss, w), w1 = cp[0], w2 = cp[1], w3 = cp[2], w4 = cp[3],
                      w5 = cp[4]);
    BOOST_TEST(counted::count().exp == 1);

    // and the numbers are right
    const std::array<double, 5> a{a1, a2, a3, a4, a5};
    double dot = 0;
    for (std::size_t i = 0; i != 5; ++i)
        dot += a[i] * p[i];
    const double e = std::exp(-dot), s = e / (1 + e);
    BOOST_TEST(v.v == std::log1p(e), tt::tolerance(1e-14));
    BOOST_TEST(vg.value.v == std::log1p(e), tt::tolerance(1e-14));
    for (std::size_t i = 0; i != 5; ++i) {
        BOOST_TEST(g[i].v == -a[i] * s, tt::tolerance(1e-13));
        BOOST_TEST(vg.gradient[i].v == -a[i] * s, tt::tolerance(1e-13));
        for (std::size_t j = 0; j != 5; ++j)
            BOOST_TEST(h(i, j).v == a[i] * a[j] * s / (1 + e), tt::tolerance(1e-13));
    }
}

BOOST_AUTO_TEST_CASE(plans_are_smaller_than_trees) {
    // Rosenbrock: 2 symbols, and the distinct nodes (y - x^2, its square, 1 - x, ...) number a
    // few dozen at most, while the trees repeat y - x^2 in every entry.
    const auto rosenbrock = pow(1.0 - x, 2) + 100 * pow(y - x * x, 2);
    const auto r = plan_and_tree(rosenbrock, nabla::gradient(rosenbrock, x, y),
                                 nabla::hessian(rosenbrock, x, y));
    BOOST_TEST_MESSAGE("rosenbrock: plan " << r[0] << " nodes, trees " << r[1]);
    BOOST_TEST(r[0] < r[1]);

    const auto loss = log(1 + exp(-(w1 * 0.5 + w2 * -1.25 + w3 * 2.0 + w4 * 0.75 + w5 * -0.375)));
    const auto w = nabla::wrt(w1, w2, w3, w4, w5);
    const auto l = plan_and_tree(loss, nabla::gradient(loss, w), nabla::hessian(loss, w));
    BOOST_TEST_MESSAGE("logistic loss: plan " << l[0] << " nodes, trees " << l[1]);
    // 21 outputs (value, 5 + 15 entries) each repeat the whole dot product in their trees; the
    // plan holds it once: at least four times fewer nodes.
    BOOST_TEST(4 * l[0] < l[1]);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- bad values at run time
// ----------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(edge_values)

BOOST_AUTO_TEST_CASE(nan_and_inf_propagate) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto f = exp(x) + x * y;
    BOOST_TEST(std::isnan(nabla::eval(f, x = nan, y = 1.0)));
    const auto g = nabla::eval(nabla::gradient(f, x, y), x = nan, y = 1.0);
    BOOST_TEST(std::isnan(g[0])); // e^x + y
    BOOST_TEST(std::isnan(g[1])); // x
    BOOST_TEST(nabla::eval(f, x = inf, y = 1.0) == inf);
    BOOST_TEST(nabla::eval(exp(-x), x = inf) == 0.0);
    BOOST_TEST(nabla::eval(atan(x), x = inf) == std::atan(inf));
    BOOST_TEST(nabla::eval(x * x, x = -inf) == inf);
    BOOST_TEST(std::isnan(nabla::eval(x - y, x = inf, y = inf)));
    BOOST_TEST(std::isnan(nabla::eval(max(x, y), x = nan, y = 1.0)));
    BOOST_TEST(std::isnan(nabla::eval(min(x, y), x = 1.0, y = nan)));
    BOOST_TEST(std::isnan(nabla::eval(abs(x), x = nan)));
    BOOST_TEST(std::isnan(nabla::eval(heaviside(x), x = nan)));
    BOOST_TEST(std::isnan(nabla::eval(sigmoid(x), x = nan)));
}

BOOST_AUTO_TEST_CASE(domain_errors_give_nan) {
    BOOST_TEST(std::isnan(nabla::eval(log(x), x = -1.0)));
    BOOST_TEST(std::isnan(nabla::eval(sqrt(x), x = -1.0)));
    BOOST_TEST(std::isnan(nabla::eval(pow(x, 2.5), x = -1.0)));
    BOOST_TEST(std::isnan(nabla::eval(pow(x, nabla::c<1, 4>), x = -1.0)));
    BOOST_TEST(std::isnan(nabla::eval(log1p(x), x = -2.0)));
    BOOST_TEST(nabla::eval(log(x), x = 0.0) == -std::numeric_limits<double>::infinity());
    BOOST_TEST(nabla::eval(cbrt(x), x = -8.0) == -2.0); // the real cube root, not NaN
    const auto d = nabla::eval(nabla::gradient(sqrt(x) + y, x, y), x = -1.0, y = 0.0);
    BOOST_TEST(std::isnan(d[0]));
    BOOST_TEST(d[1] == 1.0);
}

BOOST_AUTO_TEST_CASE(logistic_tails) {
    for (const double t : {-1000.0, -40.0, 40.0, 1000.0}) {
        BOOST_TEST_CONTEXT("t = " << t) {
            const double sp = nabla::eval(softplus(x), x = t);
            const double sg = nabla::eval(sigmoid(x), x = t);
            BOOST_TEST(std::isfinite(sp));
            BOOST_TEST(std::isfinite(sg));
            // softplus(t) = max(t, 0) + log1p(e^{-|t|}); sigmoid(t) = 1 / (1 + e^{-t})
            BOOST_TEST(sp == std::max(t, 0.0) + std::log1p(std::exp(-std::abs(t))),
                       tt::tolerance(1e-15));
            const double expected =
                t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t));
            BOOST_TEST(sg == expected, tt::tolerance(1e-15));
            const auto [v, g, h] =
                nabla::eval_all(softplus(x) + sigmoid(x), nabla::wrt(x), std::array{t});
            BOOST_TEST(std::isfinite(v));
            BOOST_TEST(std::isfinite(g[0]));
            BOOST_TEST(std::isfinite(h(0, 0)));
        }
    }
    BOOST_TEST(nabla::eval(softplus(x), x = 1000.0) == 1000.0);
    BOOST_TEST(nabla::eval(sigmoid(x), x = 1000.0) == 1.0);
    BOOST_TEST(nabla::eval(sigmoid(x), x = -1000.0) == 0.0);
    // relative accuracy deep in the left tail, where 1 - sigmoid(-t) would cancel
    BOOST_TEST(nabla::eval(sigmoid(x), x = -30.0) == std::exp(-30.0) / (1 + std::exp(-30.0)),
               tt::tolerance(1e-15));
    BOOST_TEST(nabla::eval(softplus(x), x = -30.0) == std::log1p(std::exp(-30.0)),
               tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_SUITE_END()
