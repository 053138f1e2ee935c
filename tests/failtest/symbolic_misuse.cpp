// Each case is a mistake a user makes; CTest compiles it and checks the static_assert sentence.
#include <nabla/nabla.hpp>

#include <array>

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;

int main() {
#if NABLA_FAILTEST_CASE == 1
    auto bad = nabla::d(x * y, x * y); // differentiating with respect to an expression
#elif NABLA_FAILTEST_CASE == 2
    auto bad = nabla::eval(x * y, x = 1.0); // y left unbound
#elif NABLA_FAILTEST_CASE == 3
    auto bad = nabla::eval(x * y, x = 1.0, y = 2.0, x = 3.0);
#elif NABLA_FAILTEST_CASE == 4
    auto bad = nabla::gradient(x * y, nabla::wrt(x, 2.0));
#elif NABLA_FAILTEST_CASE == 5
    auto bad = nabla::gradient(x * y, nabla::wrt(x, x));
#elif NABLA_FAILTEST_CASE == 6
    auto bad = nabla::eval_all(x * y, nabla::wrt(x), std::array{1.0});
#elif NABLA_FAILTEST_CASE == 7
    auto bad = nabla::eval_all(x * y, nabla::wrt(x, y), std::array{1.0, 2.0, 3.0});
#elif NABLA_FAILTEST_CASE == 8
    constexpr nabla::vec<"w"> w;
    auto bad = nabla::eval(nabla::dot(w, w), x = 1.0); // a vector expression without a dataset
#elif NABLA_FAILTEST_CASE == 9
    constexpr nabla::vec<"w"> w;
    auto bad = nabla::d(nabla::dot(w, w), w); // d with respect to a vector symbol
#elif NABLA_FAILTEST_CASE == 10
    constexpr nabla::vec<"w"> w;
    auto bad = nabla::hessian(nabla::dot(w, w), w); // a symbolic Hessian of a vector symbol
#elif NABLA_FAILTEST_CASE == 11
    constexpr nabla::col<"t"> t;
    using namespace nabla::literals;
    // d2/dy2 of sum_i (t_i + y)^2 is the sum of the constant 2 over the rows: 2n, and the row
    // count is not an expression
    auto bad = nabla::d(nabla::d(nabla::sum_rows(pow(t + y, 2_c)), y), y);
#endif
    (void)bad;
}
