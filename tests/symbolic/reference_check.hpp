// The check behind each case of tests/data/derivatives.json (the generated reference_N.cpp call
// it): value, gradient and Hessian from `eval_all`, in double against the 40-digit reference, and
// in cpp_bin_float_50 against the same reference to 1e-35, which checks the derivative rules and
// simplifications themselves rather than rounding.
#ifndef NABLA_TESTS_SYMBOLIC_REFERENCE_CHECK_HPP
#define NABLA_TESTS_SYMBOLIC_REFERENCE_CHECK_HPP

#include <nabla/nabla.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <sstream>
#include <string>

namespace nabla_test {

using big = boost::multiprecision::cpp_bin_float_50;

//! One case as the JSON file gives it: decimal strings, Hessian row-major.
template <std::size_t N>
struct reference_case {
    char const* name;
    std::array<char const*, N> point;
    char const* value;
    std::array<char const*, N> gradient;
    std::array<char const*, N * N> hessian;
};

// Relative tolerance of a double evaluation, the same for every component of every case. Every
// reference point is dyadic (exact in double), so the only errors are the roundings of the
// literals (a relative 1e-16 each) and of the evaluation (~1e-16 per operation), amplified by the
// conditioning of the component at the point. 1e-12 leaves four digits for that amplification,
// and every component of the 80 cases meets it, so no looser conditioning-scaled bound is used:
// a failure here is a regression. The 32 Hessian entries whose reference is exactly 0 get a bound
// of 0: they are structural zeros (the variables do not interact) and must come out exactly 0.
inline constexpr double double_tolerance = 1e-12;
// Relative tolerance of a 50-digit evaluation (~1e-50 per operation) against a 40-digit reference.
inline const big big_tolerance("1e-35");

//! Checks one component: |computed - reference| <= tolerance * |reference|.
template <class T>
void check_component(char const* name, std::string const& component, T const& computed,
                     big const& reference, big const& tolerance) {
    using boost::multiprecision::abs;
    const big error = abs(big(computed) - reference);
    const big bound = tolerance * abs(reference);
    std::ostringstream message;
    message.precision(45);
    message << "case " << name << ", " << component << ": computed " << big(computed)
            << ", reference " << reference << ", |error| " << error.convert_to<double>()
            << " > bound " << bound.convert_to<double>();
    BOOST_CHECK_MESSAGE(error <= bound, message.str());
}

template <class... Vs>
std::array<std::string, sizeof...(Vs)> symbol_names(nabla::wrt_t<Vs...>) {
    return {std::string(Vs::name())...};
}

//! Value, gradient and Hessian of \p f (in double) and of \p exact (the same function with exact
//! literals, in 50 digits) against \p rc.
template <std::size_t N, class F, class Exact, class W>
void check_reference(reference_case<N> const& rc, F const& f, Exact const& exact, W w) {
    const auto names = symbol_names(w);
    std::array<double, N> point{};
    std::array<big, N> big_point{};
    for (std::size_t i = 0; i != N; ++i) {
        big_point[i] = big(rc.point[i]);
        point[i] = static_cast<double>(big_point[i]); // dyadic: exact
    }
    const auto [v, g, h] = nabla::eval_all(f, w, point);
    const auto [bv, bg, bh] = nabla::eval_all(exact, w, big_point);
    const auto check_both = [&](std::string const& component, double computed,
                                big const& computed_big, char const* reference) {
        const big r(reference);
        check_component(rc.name, component + " in double", computed, r, big(double_tolerance));
        check_component(rc.name, component + " in cpp_bin_float_50", computed_big, r,
                        big_tolerance);
    };
    check_both("value", v, bv, rc.value);
    for (std::size_t i = 0; i != N; ++i)
        check_both("gradient d/d" + names[i], g[i], bg[i], rc.gradient[i]);
    for (std::size_t i = 0; i != N; ++i)
        for (std::size_t j = 0; j != N; ++j)
            check_both("hessian d2/d" + names[i] + "d" + names[j], h(i, j), bh(i, j),
                       rc.hessian[i * N + j]);
}

} // namespace nabla_test

#endif // NABLA_TESTS_SYMBOLIC_REFERENCE_CHECK_HPP
