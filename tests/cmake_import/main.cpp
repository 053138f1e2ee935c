// Builds against the installed headers: d(x^3)/dx at x = 2 is 3 * 2^2 = 12.
#include <nabla/nabla.hpp>

int main() {
    constexpr nabla::var<"x"> x;
    return nabla::eval(nabla::d(x * x * x, x), x = 2.0) == 12.0 ? 0 : 1;
}
