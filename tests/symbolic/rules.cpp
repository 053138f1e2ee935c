// Every derivative rule, first and second order: against its derivative written out by hand
// (in double), and against central differences of the function itself evaluated in 50 digits.
// Each operation is applied to an inner function of x (mostly k x) so that the chain rule is
// exercised too; points lie inside each domain, and the kinks of abs, min and max are checked
// against the midpoint convention.
#include <nabla/nabla.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

namespace {

namespace tt = boost::test_tools;
using big = boost::multiprecision::cpp_bin_float_50;
using namespace nabla::literals;

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;

// Relative agreement of a double derivative with its hand-written formula: both sides round a
// few operations (~1e-16 each), so 1e-12 leaves a wide margin while any wrong rule is off by O(1).
constexpr double hand_tolerance = 1e-12;

// Central differences in 50 digits with step h = 1e-12:
//   f'  ~ (f(x+h) - f(x-h)) / 2h            error h^2 f'''/6 + ~1e-50 |f| / h   ~ 1e-24
//   f'' ~ (f(x+h) - 2 f(x) + f(x-h)) / h^2   error h^2 f''''/12 + ~1e-50 |f| / h^2 ~ 1e-25
// so agreement to 1e-18 (1e-16 for f'') relative to 1 + |f'| leaves six orders of margin. At a
// kink the central difference of a piecewise-smooth function tends to the midpoint of the
// one-sided slopes with an O(h) error, so there only f' is compared, to 1e-10.
const big step("1e-12");

enum class kind { smooth, kink };

//! Checks d(f, x) and d<2>(f, x) at \p at against \p d1 and \p d2 (hand-derived, in double),
//! and against central differences of f in 50 digits.
template <class F>
void check_rule(std::string const& what, F const& f, double at, double d1, double d2,
                kind k = kind::smooth) {
    const auto df = nabla::d(f, x);
    const auto d2f = nabla::d<2>(f, x);
    BOOST_TEST_CONTEXT(what << " at x = " << at) {
        BOOST_TEST(nabla::eval(df, x = at) == d1, tt::tolerance(hand_tolerance));
        BOOST_TEST(nabla::eval(d2f, x = at) == d2, tt::tolerance(hand_tolerance));
        // the same derivatives through the gradient / Hessian entry points
        const auto [v, g, h] = nabla::eval_all(f, nabla::wrt(x), std::array{at});
        BOOST_TEST(v == nabla::eval(f, x = at));
        BOOST_TEST(g[0] == d1, tt::tolerance(hand_tolerance));
        BOOST_TEST(h(0, 0) == d2, tt::tolerance(hand_tolerance));

        const big a(at);
        const big fp = nabla::eval(f, x = big(a + step));
        const big fm = nabla::eval(f, x = big(a - step));
        const big f0 = nabla::eval(f, x = a);
        const big e1 = nabla::eval(df, x = a);
        const big e2 = nabla::eval(d2f, x = a);
        const big fd1 = (fp - fm) / (2 * step);
        const big fd2 = (fp - 2 * f0 + fm) / (step * step);
        const double err1 = static_cast<double>(abs(e1 - fd1) / (1 + abs(e1)));
        const double err2 = static_cast<double>(abs(e2 - fd2) / (1 + abs(e2)));
        if (k == kind::smooth) {
            BOOST_CHECK_MESSAGE(err1 <= 1e-18,
                                "f' differs from the 50-digit central difference by " << err1);
            BOOST_CHECK_MESSAGE(err2 <= 1e-16,
                                "f'' differs from the 50-digit central difference by " << err2);
        } else {
            BOOST_CHECK_MESSAGE(err1 <= 1e-10,
                                "f' differs from the 50-digit central difference by " << err1);
        }
    }
}

double sigma(double u) {
    return 1 / (1 + std::exp(-u));
}

} // namespace

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(arithmetic) {
    const double a = 0.7;
    const double s = std::sin(a), c = std::cos(a), e = std::exp(a);
    check_rule("sum", sin(x) + exp(x), a, c + e, -s + e);
    check_rule("difference", exp(x) - sin(x), a, e - c, e + s);
    check_rule("product", sin(x) * exp(x), a, e * (s + c), 2 * e * c);
    const double q = 1 + a * a;
    check_rule("quotient", sin(x) / (1 + x * x), a, c / q - 2 * a * s / (q * q),
               -s / q - 4 * a * c / (q * q) + s * (6 * a * a - 2) / (q * q * q));
    check_rule("negation", -exp(2 * x), a, -2 * std::exp(2 * a), -4 * std::exp(2 * a));
    check_rule("runtime constant factor", 2.5 * x * x, a, 5 * a, 5);
    check_rule("exact constant factor", 3_c * x * x, a, 6 * a, 6);
}

BOOST_AUTO_TEST_CASE(powers) {
    const double a = 1.7;
    // integer exponents (a plain int becomes a runtime constant), positive and negative
    check_rule("pow(x, 3)", pow(x, 3), a, 3 * a * a, 6 * a);
    const double s = std::sin(a), c = std::cos(a);
    check_rule("pow(sin x, -2)", pow(sin(x), -2), a, -2 * c / (s * s * s),
               6 * c * c / (s * s * s * s) + 2 / (s * s));
    // exact integer and rational exponents
    check_rule("pow(x, 3_c)", pow(x, 3_c), a, 3 * a * a, 6 * a);
    check_rule("pow(x, c<3, 2>)", pow(x, nabla::c<3, 2>), a, 1.5 * std::sqrt(a),
               0.75 / std::sqrt(a));
    check_rule("pow(x, c<-1, 3>)", pow(x, nabla::c<-1, 3>), a, -1.0 / 3 * std::pow(a, -4.0 / 3),
               4.0 / 9 * std::pow(a, -7.0 / 3));
    // a runtime real exponent
    check_rule("pow(x, 2.5)", pow(x, 2.5), a, 2.5 * std::pow(a, 1.5), 3.75 * std::pow(a, 0.5));
    // sqrt and cbrt (the real cube root, defined for negative arguments)
    check_rule("sqrt(x)", sqrt(x), a, 0.5 / std::sqrt(a), -0.25 / (a * std::sqrt(a)));
    const double b = -2.3, r = std::cbrt(b);
    check_rule("cbrt(x)", cbrt(x), b, 1 / (3 * r * r), -2 / (9 * r * r * r * r * r));
    // an expression exponent: (u^v)' = u^v (v' log u + v u' / u)
    const double p = std::pow(a, s), l = std::log(a);
    const double t = c * l + s / a;
    check_rule("pow(x, sin x)", pow(x, sin(x)), a, p * t,
               p * (t * t - s * l + 2 * c / a - s / (a * a)));
    // a constant base: (2^x)' = 2^x log 2
    const double l2 = std::log(2.0);
    check_rule("pow(2, x)", pow(2.0, x), a, std::pow(2.0, a) * l2, std::pow(2.0, a) * l2 * l2);
}

BOOST_AUTO_TEST_CASE(exponential_and_logarithm) {
    const double a = 0.9, k = 0.5, u = k * a;
    check_rule("exp(k x)", exp(k * x), a, k * std::exp(u), k * k * std::exp(u));
    check_rule("expm1(k x)", expm1(k * x), a, k * std::exp(u), k * k * std::exp(u));
    check_rule("log(k x)", log(k * x), a, k / u, -k * k / (u * u));
    check_rule("log1p(k x)", log1p(k * x), a, k / (1 + u), -k * k / ((1 + u) * (1 + u)));
    BOOST_TEST(nabla::eval(expm1(x), x = 1e-10) == std::expm1(1e-10));
    BOOST_TEST(nabla::eval(log1p(x), x = 1e-10) == std::log1p(1e-10));
}

BOOST_AUTO_TEST_CASE(trigonometric) {
    const double a = 0.9, k = 1.5, u = k * a;
    const double s = std::sin(u), c = std::cos(u), t = std::tan(u), h = std::tanh(u);
    check_rule("sin(k x)", sin(k * x), a, k * c, -k * k * s);
    check_rule("cos(k x)", cos(k * x), a, -k * s, -k * k * c);
    check_rule("tan(k x)", tan(k * x), a, k * (1 + t * t), k * k * 2 * t * (1 + t * t));
    check_rule("atan(k x)", atan(k * x), a, k / (1 + u * u),
               -k * k * 2 * u / ((1 + u * u) * (1 + u * u)));
    check_rule("tanh(k x)", tanh(k * x), a, k * (1 - h * h), -k * k * 2 * h * (1 - h * h));
}

BOOST_AUTO_TEST_CASE(logistic) {
    for (const double a : {-1.3, 0.0, 2.1}) {
        const double k = 1.5, u = k * a, s = sigma(u);
        BOOST_TEST(nabla::eval(sigmoid(k * x), x = a) == s, tt::tolerance(1e-15));
        BOOST_TEST(nabla::eval(softplus(k * x), x = a) == std::log1p(std::exp(u)),
                   tt::tolerance(1e-15));
        check_rule("sigmoid(k x)", sigmoid(k * x), a, k * s * (1 - s),
                   k * k * s * (1 - s) * (1 - 2 * s));
        check_rule("softplus(k x)", softplus(k * x), a, k * s, k * k * s * (1 - s));
    }
}

BOOST_AUTO_TEST_CASE(piecewise) {
    // |u|' = sgn(u) u': both signs, and 0 at the kink
    check_rule("abs(x) left", abs(x), -1.3, -1, 0);
    check_rule("abs(x) right", abs(x), 1.3, 1, 0);
    check_rule("abs(x) at the kink", abs(x), 0.0, 0, 0, kind::kink);
    const double a = -0.7;
    check_rule("abs(sin x)", abs(sin(x)), a, -std::cos(a), std::sin(a));
    BOOST_TEST(nabla::eval(abs(sin(x)), x = a) == -std::sin(a));

    // sign and the Heaviside step: values with the midpoint at 0, derivatives zero
    BOOST_TEST(nabla::eval(sign(x), x = -2.0) == -1.0);
    BOOST_TEST(nabla::eval(sign(x), x = 0.0) == 0.0);
    BOOST_TEST(nabla::eval(sign(x), x = 3.0) == 1.0);
    BOOST_TEST(nabla::eval(heaviside(x), x = -2.0) == 0.0);
    BOOST_TEST(nabla::eval(heaviside(x), x = 0.0) == 0.5);
    BOOST_TEST(nabla::eval(heaviside(x), x = 3.0) == 1.0);
    static_assert(nabla::is_zero_v<decltype(nabla::d(sign(x), x))>);
    static_assert(nabla::is_zero_v<decltype(nabla::d(heaviside(x), x))>);

    // min(x^2, 2x) and max(x^2, 2x): x^2 < 2x on (0, 2), a tie at x = 2 where the one-sided
    // slopes are 2x = 4 and 2, and the second derivatives 2 and 0; midpoints 3 and 1.
    check_rule("min, first branch", min(x * x, 2 * x), 1.5, 3, 2);
    check_rule("min, second branch", min(x * x, 2 * x), 2.5, 2, 0);
    check_rule("min at a tie", min(x * x, 2 * x), 2.0, 3, 1, kind::kink);
    check_rule("max, first branch", max(x * x, 2 * x), 2.5, 5, 2);
    check_rule("max, second branch", max(x * x, 2 * x), 1.5, 2, 0);
    check_rule("max at a tie", max(x * x, 2 * x), 2.0, 3, 1, kind::kink);
    BOOST_TEST(nabla::eval(min(x * x, 2 * x), x = 1.5) == 2.25);
    BOOST_TEST(nabla::eval(max(x * x, 2 * x), x = 1.5) == 3.0);
}

BOOST_AUTO_TEST_CASE(higher_order) {
    // d^4/dx^4 sin(2x) = 16 sin(2x); d^3/dx^3 x^5 = 60 x^2
    const double a = 0.3;
    BOOST_TEST(nabla::eval(nabla::d<4>(sin(2 * x), x), x = a) == 16 * std::sin(2 * a),
               tt::tolerance(hand_tolerance));
    BOOST_TEST(nabla::eval(nabla::d<3>(pow(x, 5_c), x), x = a) == 60 * a * a,
               tt::tolerance(hand_tolerance));
    static_assert(nabla::is_zero_v<decltype(nabla::d<6>(pow(x, 5_c), x))>);
}

// Partial derivatives of the binary rules, mixed second derivatives included.
BOOST_AUTO_TEST_CASE(two_variables) {
    const double a = 1.3, b = 0.6;
    {
        const auto [v, g, h] = nabla::eval_all(x / y, nabla::wrt(x, y), std::array{a, b});
        BOOST_TEST(v == a / b, tt::tolerance(hand_tolerance));
        BOOST_TEST(g[0] == 1 / b, tt::tolerance(hand_tolerance));
        BOOST_TEST(g[1] == -a / (b * b), tt::tolerance(hand_tolerance));
        BOOST_TEST(h(0, 0) == 0.0);
        BOOST_TEST(h(0, 1) == -1 / (b * b), tt::tolerance(hand_tolerance));
        BOOST_TEST(h(1, 0) == -1 / (b * b), tt::tolerance(hand_tolerance));
        BOOST_TEST(h(1, 1) == 2 * a / (b * b * b), tt::tolerance(hand_tolerance));
    }
    {
        // x^y: d/dx = y x^(y-1), d/dy = x^y log x, d2/dxdy = x^(y-1) (1 + y log x)
        const double p = std::pow(a, b), l = std::log(a);
        const auto [v, g, h] = nabla::eval_all(pow(x, y), nabla::wrt(x, y), std::array{a, b});
        BOOST_TEST(v == p, tt::tolerance(hand_tolerance));
        BOOST_TEST(g[0] == b * p / a, tt::tolerance(hand_tolerance));
        BOOST_TEST(g[1] == p * l, tt::tolerance(hand_tolerance));
        BOOST_TEST(h(0, 0) == b * (b - 1) * p / (a * a), tt::tolerance(hand_tolerance));
        BOOST_TEST(h(0, 1) == p / a * (1 + b * l), tt::tolerance(hand_tolerance));
        BOOST_TEST(h(1, 1) == p * l * l, tt::tolerance(hand_tolerance));
    }
    {
        // max(x, y) and min(x, y): each branch, and the tie where both partials are 1/2
        const auto gmax = nabla::gradient(max(x, y), x, y);
        const auto gmin = nabla::gradient(min(x, y), x, y);
        const auto at = [&](auto const& g, double p, double q) {
            return nabla::eval(g, x = p, y = q);
        };
        BOOST_TEST((at(gmax, 2.0, 1.0) == std::array{1.0, 0.0}));
        BOOST_TEST((at(gmax, 1.0, 2.0) == std::array{0.0, 1.0}));
        BOOST_TEST((at(gmax, 1.5, 1.5) == std::array{0.5, 0.5}));
        BOOST_TEST((at(gmin, 2.0, 1.0) == std::array{0.0, 1.0}));
        BOOST_TEST((at(gmin, 1.0, 2.0) == std::array{1.0, 0.0}));
        BOOST_TEST((at(gmin, 1.5, 1.5) == std::array{0.5, 0.5}));
    }
}

BOOST_AUTO_TEST_SUITE_END()
