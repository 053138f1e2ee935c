// The contract of the core issue, end to end, on Rosenbrock's function, whose derivatives are
// known by hand: f = (1 - x)^2 + 100 (y - x^2)^2.
#include <nabla/nabla.hpp>

#include <boost/test/unit_test.hpp>

#include <array>

BOOST_AUTO_TEST_SUITE(smoke)

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;
constexpr auto rosenbrock = pow(1.0 - x, 2) + 100 * pow(y - x * x, 2);

BOOST_AUTO_TEST_CASE(rosenbrock_by_name_and_by_position) {
    const double a = 1.5, b = 2.0;
    const double value = (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    const std::array<double, 2> grad{-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)};
    const std::array<double, 3> hess{1200 * a * a - 400 * b + 2, -400 * a, 200};

    BOOST_TEST(nabla::eval(rosenbrock, x = a, y = b) == value);
    BOOST_TEST(nabla::eval(rosenbrock, y = b, x = a) == value);
    const auto g = nabla::eval(nabla::gradient(rosenbrock, x, y), x = a, y = b);
    BOOST_TEST(g[0] == grad[0]);
    BOOST_TEST(g[1] == grad[1]);
    const auto [v, g2, h] = nabla::eval_all(rosenbrock, nabla::wrt(x, y), std::array{a, b});
    BOOST_TEST(v == value);
    BOOST_TEST(g2[0] == grad[0]);
    BOOST_TEST(h(0, 0) == hess[0]);
    BOOST_TEST(h(0, 1) == hess[1]);
    BOOST_TEST(h(1, 0) == hess[1]);
    BOOST_TEST(h(1, 1) == hess[2]);
}

BOOST_AUTO_TEST_SUITE_END()
