//! \file
//! \brief A scalar that carries a first-order bound on its own rounding error: running error
//! analysis, used by `verify` to give every component a tolerance that matches its conditioning.
#ifndef NABLA_SYMBOLIC_VERIFY_ERROR_BOUND_HPP
#define NABLA_SYMBOLIC_VERIFY_ERROR_BOUND_HPP

#include <cmath>
#include <limits>

namespace nabla::detail {

//! \brief A double value \f$ v \f$ with a bound \f$ e \f$ on \f$ |v - v_{exact}| \f$ that
//! accumulates, operation by operation, the propagated input error and the new rounding:
//! \f$ e_{a+b} = e_a + e_b + u|a+b| \f$, \f$ e_{ab} = |a| e_b + |b| e_a + u|ab| \f$,
//! \f$ e_{f(a)} = |f'(a)| e_a + k u |f(a)| \f$ with \f$ u = 2^{-53} \f$ and \f$ k \f$ the accuracy
//! of the math library's \f$ f \f$ in ulps (taken as 2 for transcendental functions).
//!
//! A component whose terms cancel gets a bound as large as its terms, not its result: exactly
//! the conditioning a fixed epsilon ignores.
struct error_bound {
    double v = 0; //!< The value computed in double.
    double e = 0; //!< The bound on its absolute error.

    error_bound() = default;
    //! An exact input (a bound point, a constant that is exactly representable).
    error_bound(double value) : v(value) {}
    //! A value with a known error bound.
    error_bound(double value, double bound) : v(value), e(bound) {}

    static constexpr double u = std::numeric_limits<double>::epsilon() / 2;
    static constexpr double transcendental_ulps = 2;

    friend error_bound operator+(error_bound a, error_bound b) {
        const double r = a.v + b.v;
        return {r, a.e + b.e + u * std::fabs(r)};
    }
    friend error_bound operator-(error_bound a, error_bound b) {
        const double r = a.v - b.v;
        return {r, a.e + b.e + u * std::fabs(r)};
    }
    friend error_bound operator-(error_bound a) { return {-a.v, a.e}; }
    friend error_bound operator*(error_bound a, error_bound b) {
        const double r = a.v * b.v;
        return {r, std::fabs(a.v) * b.e + std::fabs(b.v) * a.e + a.e * b.e + u * std::fabs(r)};
    }
    friend error_bound operator/(error_bound a, error_bound b) {
        const double r = a.v / b.v;
        // |a/b - (a+da)/(b+db)| <= (|da| + |r| |db|) / (|b| - |db|) to first order.
        const double denominator = std::fabs(b.v) - b.e;
        const double propagated = denominator > 0 ? (a.e + std::fabs(r) * b.e) / denominator
                                                  : std::numeric_limits<double>::infinity();
        return {r, propagated + u * std::fabs(r)};
    }
    friend bool operator<(error_bound a, error_bound b) { return a.v < b.v; }
    friend bool operator>(error_bound a, error_bound b) { return a.v > b.v; }
    friend bool operator<=(error_bound a, error_bound b) { return a.v <= b.v; }
    friend bool operator>=(error_bound a, error_bound b) { return a.v >= b.v; }
    friend bool operator==(error_bound a, error_bound b) { return a.v == b.v; }
    friend bool operator!=(error_bound a, error_bound b) { return a.v != b.v; }

    //! \f$ f(a) \f$ given \f$ f(a) \f$ and \f$ |f'(a)| \f$.
    static error_bound apply(error_bound a, double value, double slope) {
        return {value, std::fabs(slope) * a.e + transcendental_ulps * u * std::fabs(value)};
    }
    friend error_bound exp(error_bound a) {
        const double r = std::exp(a.v);
        return apply(a, r, r);
    }
    friend error_bound expm1(error_bound a) { return apply(a, std::expm1(a.v), std::exp(a.v)); }
    friend error_bound log(error_bound a) { return apply(a, std::log(a.v), 1 / a.v); }
    friend error_bound log1p(error_bound a) { return apply(a, std::log1p(a.v), 1 / (1 + a.v)); }
    friend error_bound sqrt(error_bound a) {
        const double r = std::sqrt(a.v);
        return {r, a.e / (2 * r) + u * r}; // sqrt is correctly rounded
    }
    friend error_bound cbrt(error_bound a) {
        const double r = std::cbrt(a.v);
        return apply(a, r, 1 / (3 * r * r));
    }
    friend error_bound sin(error_bound a) { return apply(a, std::sin(a.v), std::cos(a.v)); }
    friend error_bound cos(error_bound a) { return apply(a, std::cos(a.v), std::sin(a.v)); }
    friend error_bound tan(error_bound a) {
        const double r = std::tan(a.v);
        return apply(a, r, 1 + r * r);
    }
    friend error_bound atan(error_bound a) { return apply(a, std::atan(a.v), 1 / (1 + a.v * a.v)); }
    friend error_bound tanh(error_bound a) {
        const double r = std::tanh(a.v);
        return apply(a, r, 1 - r * r);
    }
    friend error_bound abs(error_bound a) { return {std::fabs(a.v), a.e}; }
    friend error_bound pow(error_bound a, error_bound b) {
        const double r = std::pow(a.v, b.v);
        // d/da = b a^(b-1), d/db = a^b log a
        const double da = b.v == 0 ? 0 : b.v * std::pow(a.v, b.v - 1);
        const double db = a.v > 0 ? r * std::log(a.v) : 0;
        return {r,
                std::fabs(da) * a.e + std::fabs(db) * b.e + transcendental_ulps * u * std::fabs(r)};
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_VERIFY_ERROR_BOUND_HPP
