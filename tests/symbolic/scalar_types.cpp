// Evaluation in every supported scalar type, with no change to the expressions: value, gradient
// and Hessian of three functions in float, double, cpp_bin_float_50 and (when found) mpfr_float_50,
// against their derivatives written out by hand and evaluated in 50 digits; and in
// xsimd::batch<double>, with a different point in every lane, lane by lane against double.
#include <nabla/nabla.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#ifdef NABLA_HAVE_MPFR
#include <boost/multiprecision/mpfr.hpp>
#endif
#include <boost/test/unit_test.hpp>

#include <xsimd/xsimd.hpp>

#include <array>
#include <cmath>
#include <ios>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>

namespace {

using big = boost::multiprecision::cpp_bin_float_50;
using namespace nabla::literals;

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;

// Exact constants only, so the function is the same in every scalar type.
constexpr auto f_a = exp(x * y) + log(1_c + x * x);
constexpr auto f_b = sin(x) * cos(y) + sqrt(x * x + y * y);
constexpr auto f_c = tanh(x - y) * y;

//! Value, gradient and Hessian (fxx, fxy, fyy) written out by hand.
struct by_hand {
    big v, gx, gy, hxx, hxy, hyy;
};

by_hand reference_a(big x, big y) {
    // f = e^{xy} + log(1 + x^2)
    const big e = exp(x * y), q = 1 + x * x;
    return {e + log(q),      y * e + 2 * x / q, x * e, y * y * e + 2 * (1 - x * x) / (q * q),
            e * (1 + x * y), x * x * e};
}

by_hand reference_b(big x, big y) {
    // f = sin x cos y + r, r = sqrt(x^2 + y^2)
    const big r = sqrt(x * x + y * y), r3 = r * r * r;
    const big sx = sin(x), cx = cos(x), sy = sin(y), cy = cos(y);
    return {sx * cy + r,           cx * cy + x / r,       -sx * sy + y / r,
            -sx * cy + y * y / r3, -cx * sy - x * y / r3, -sx * cy + x * x / r3};
}

by_hand reference_c(big x, big y) {
    // f = y tanh(x - y), t = tanh(x - y), s = 1 - t^2 = d t / d(x - y)
    const big t = tanh(x - y), s = 1 - t * t;
    return {y * t, s * y, -s * y + t, -2 * t * s * y, 2 * t * s * y + s, -2 * t * s * y - 2 * s};
}

template <class T>
big to_big(T const& v) {
    if constexpr (std::is_arithmetic_v<T>) {
        return big(v);
    } else {
        return big(v.str(0, std::ios_base::scientific)); // every digit, whatever the backend
    }
}

// Relative tolerance per type: a few hundred roundings of the type's epsilon, far below any
// error a wrong rule or a wrong scalar conversion would make (which is O(1), or O(1e-8) for a
// constant rounded to float, O(1e-16) for one rounded to double in a 50-digit evaluation).
template <class T>
double tolerance_for() {
    if constexpr (std::is_same_v<T, float>) {
        return 2e-5;
    } else if constexpr (std::is_same_v<T, double>) {
        return 1e-13;
    } else {
        return 1e-40;
    }
}

template <class T>
void check(char const* function, char const* component, T const& computed, big const& reference) {
    const big error = abs(to_big(computed) - reference) / abs(reference);
    BOOST_CHECK_MESSAGE(error <= big(tolerance_for<T>()),
                        function << ", " << component << ": relative error "
                                 << static_cast<double>(error) << " (computed " << to_big(computed)
                                 << ", reference " << reference << ")");
}

template <class T, class F>
void check_function(char const* name, F const& f, by_hand (*reference)(big, big)) {
    // dyadic point: exact in every type
    const std::array<T, 2> p{T(0.75), T(-0.375)};
    const by_hand r = reference(big(0.75), big(-0.375));
    const auto [v, g, h] = nabla::eval_all(f, nabla::wrt(x, y), p);
    check(name, "value", v, r.v);
    check(name, "df/dx", g[0], r.gx);
    check(name, "df/dy", g[1], r.gy);
    check(name, "d2f/dx2", h(0, 0), r.hxx);
    check(name, "d2f/dxdy", h(0, 1), r.hxy);
    check(name, "d2f/dydx", h(1, 0), r.hxy);
    check(name, "d2f/dy2", h(1, 1), r.hyy);
    // by name as well: the same value and gradient
    const T by_name = nabla::eval(f, y = p[1], x = p[0]);
    check(name, "value by name", by_name, r.v);
    const auto g2 = nabla::eval(nabla::gradient(f, x, y), x = p[0], y = p[1]);
    check(name, "df/dx by name", g2[0], r.gx);
}

#ifdef NABLA_HAVE_MPFR
using scalar_types = std::tuple<float, double, big, boost::multiprecision::mpfr_float_50>;
#else
using scalar_types = std::tuple<float, double, big>;
#endif

} // namespace

BOOST_AUTO_TEST_SUITE(scalar_types_suite)

BOOST_AUTO_TEST_CASE_TEMPLATE(value_gradient_hessian, T, scalar_types) {
    check_function<T>("exp(x y) + log(1 + x^2)", f_a, reference_a);
    check_function<T>("sin x cos y + sqrt(x^2 + y^2)", f_b, reference_b);
    check_function<T>("y tanh(x - y)", f_c, reference_c);
}

// The same expressions evaluated in SIMD batches: every lane a different point, each lane
// compared with the double evaluation at its point. Piecewise functions take different branches
// in different lanes (select, not if).
BOOST_AUTO_TEST_CASE(xsimd_batches_lane_by_lane) {
    using batch = xsimd::batch<double>;
    constexpr std::size_t lanes = batch::size;
    std::array<double, lanes> xs{}, ys{};
    for (std::size_t i = 0; i != lanes; ++i) {
        xs[i] = (i % 2 == 0 ? 0.75 : -1.25) + 0.125 * static_cast<double>(i);
        ys[i] = (i % 2 == 0 ? -0.375 : 0.5) - 0.0625 * static_cast<double>(i);
    }
    const std::array<batch, 2> p{batch::load_unaligned(xs.data()),
                                 batch::load_unaligned(ys.data())};
    const auto f_d = softplus(x * y) + max(x, y) * abs(y) + sigmoid(x - y) + heaviside(x);

    const auto compare = [&](char const* name, auto const& f) {
        const auto [v, g, h] = nabla::eval_all(f, nabla::wrt(x, y), p);
        for (std::size_t i = 0; i != lanes; ++i) {
            const auto [dv, dg, dh] =
                nabla::eval_all(f, nabla::wrt(x, y), std::array{xs[i], ys[i]});
            BOOST_TEST_CONTEXT(name << ", lane " << i) {
                // xsimd's exp, log and tanh differ from libm's by an ulp or two
                const auto close = [](double a, double b) {
                    return std::abs(a - b) <= 1e-14 * std::max(1.0, std::abs(b));
                };
                BOOST_CHECK_MESSAGE(close(v.get(i), dv), "value " << v.get(i) << " vs " << dv);
                for (std::size_t k = 0; k != 2; ++k)
                    BOOST_CHECK_MESSAGE(close(g[k].get(i), dg[k]), "gradient " << k);
                for (std::size_t k = 0; k != 2; ++k)
                    for (std::size_t l = 0; l != 2; ++l)
                        BOOST_CHECK_MESSAGE(close(h(k, l).get(i), dh(k, l)), "hessian " << k << l);
            }
        }
    };
    compare("f_a", f_a);
    compare("f_b", f_b);
    compare("f_c", f_c);
    compare("softplus(x y) + max(x, y) |y| + sigmoid(x - y) + H(x)", f_d);

    // by name, too
    const batch bv = nabla::eval(f_d, x = p[0], y = p[1]);
    for (std::size_t i = 0; i != lanes; ++i)
        BOOST_TEST(bv.get(i) == nabla::eval(f_d, x = xs[i], y = ys[i]),
                   boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_SUITE_END()
