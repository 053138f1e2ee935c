//! \file
//! \brief `nabla::verify`: every number nabla's double code computes for \f$ f \f$,
//! \f$ \nabla f \f$ and \f$ \nabla^2 f \f$, checked against two independent 50-digit-plus
//! references, with a verdict per component.
#ifndef NABLA_SYMBOLIC_VERIFY_VERIFY_HPP
#define NABLA_SYMBOLIC_VERIFY_VERIFY_HPP

#include <nabla/symbolic/print/printer.hpp>
#include <nabla/symbolic/verify/error_bound.hpp>
#include <nabla/symbolic/verify/finite_difference.hpp>
#include <nabla/symbolic/verify/report.hpp>

#ifdef NABLA_HAVE_MPFR
#include <boost/multiprecision/mpfr.hpp>
#endif

#include <cfloat>
#include <limits>

namespace nabla {

namespace detail {

//! The arithmetic of the rounding reference: 50 significant digits.
using reference_t = boost::multiprecision::cpp_bin_float_50;

//! True when \p e contains a kink (abs, sign, step, min, max) exactly at the point, in a node
//! that depends on the symbol \p V: moving along \p V then crosses the kink.
template <class V, class E, class W, class Point>
bool has_kink_at(E const& e, W w, Point const& p) {
    if constexpr (!depends_on_v<E, V>) {
        return false;
    } else if constexpr (is_unary_v<E>) {
        using Op = typename E::op_type;
        if constexpr (std::is_same_v<Op, abs_op> || std::is_same_v<Op, sign_op> ||
                      std::is_same_v<Op, heaviside_op>) {
            if (value_at<reference_t>(e.arg, w, p) == 0)
                return true;
        }
        return has_kink_at<V>(e.arg, w, p);
    } else if constexpr (requires { e.lhs; }) {
        using Op = typename E::op_type;
        if constexpr (std::is_same_v<Op, min_op> || std::is_same_v<Op, max_op>) {
            if (value_at<reference_t>(e.lhs, w, p) == value_at<reference_t>(e.rhs, w, p))
                return true;
        }
        return has_kink_at<V>(e.lhs, w, p) || has_kink_at<V>(e.rhs, w, p);
    } else {
        return false;
    }
}

//! Per symbol: is the point at a kink of \p f or of its gradient along that symbol.
template <class F, class G, class... Vs, class Point>
auto kinks_along(F const& f, G const& g, wrt_t<Vs...> w, Point const& p) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<bool, sizeof...(Vs)>{
            (has_kink_at<Vs>(f, w, p) || has_kink_at<Vs>(g.template get<I>(), w, p))...};
    }
    (std::index_sequence_for<Vs...>{});
}

//! The first subexpression of \p f, children first, that is NaN while its operands are not:
//! where \f$ f \f$ leaves its domain. Empty if there is none.
template <class F, class W, class Point>
std::string first_undefined(F const& f, W w, Point const& p) {
    const auto inputs = positional_inputs<reference_t>(w, p);
    return run_plan<reference_t>(
        inputs,
        [](auto& s) {
            std::string found;
            [[maybe_unused]] auto nan = [](reference_t const& v) {
                return boost::multiprecision::isnan(v);
            }; // unused when f is a constant: its plan has no node
            s.for_each_node([&]<class N>() {
                if (!found.empty() || !nan(s.template value<N>()))
                    return;
                bool operands_defined = true;
                for_each_operand<N>([&]<class C>() {
                    operands_defined = operands_defined && !nan(s.template value<C>());
                });
                if (operands_defined)
                    found = to_string(rebuild<N>(s.pool));
            });
            return found;
        },
        f);
}

inline double ulp_of(double x) {
    x = std::fabs(x);
    if (!std::isfinite(x))
        return std::numeric_limits<double>::infinity();
    return std::nextafter(x, std::numeric_limits<double>::infinity()) - x;
}

//! Fills the rounding part of a component: errors, ulps, and the rounding verdict.
inline void judge_rounding(component_report& c, double value, reference_t const& reference,
                           error_bound const& bound) {
    const double r = static_cast<double>(reference);
    c.value = value;
    c.reference = static_cast<long double>(reference);
    c.reference_digits = reference.str(20);
    c.bound = bound.e;
    c.abs_error = static_cast<double>(abs(reference_t(value) - reference));
    c.rel_error = r != 0 ? c.abs_error / std::fabs(r) : c.abs_error;
    c.ulps = c.abs_error / (r != 0 ? ulp_of(r) : std::numeric_limits<double>::denorm_min());
    if (!std::isfinite(value)) {
        c.result = verdict::overflow;
        c.detail = std::fabs(r) > DBL_MAX ? "the exact value is beyond the double range"
                                          : "an intermediate overflowed in double";
    } else if (reference != 0 && abs(reference) < DBL_MIN && std::fabs(value) < DBL_MIN) {
        c.result = verdict::underflow;
        c.detail = "the exact value is below the normal double range";
    } else if (c.abs_error > std::max(2 * bound.e, 4 * ulp_of(r))) {
        c.result = verdict::rounding;
        c.detail = "error above the running bound";
    }
}

//! Fills the rule part of a derivative component from the finite-difference oracle.
inline void judge_rule(component_report& c, reference_t const& reference, error_bound const& bound,
                       extrapolated const& oracle, double f_scale) {
    using boost::multiprecision::isfinite;
    if (!isfinite(oracle.value) || !isfinite(oracle.error)) {
        if (c.result == verdict::ok)
            c.result = verdict::unverified;
        return;
    }
    const oracle_t exact(reference);
    const oracle_t difference = abs(exact - oracle.value);
    const oracle_t magnitude = std::max(oracle_t(abs(exact)), oracle_t(bound.e / error_bound::u));
    c.oracle_rel_error = static_cast<double>(exact != 0 ? difference / abs(exact) : difference);
    // The floor covers an exact zero: the oracle's own rounding, about 1e-100 |f| / h^2 with
    // h near 2^-24, is then all that separates it from the reference.
    const oracle_t floor = oracle_t(1e-80) * std::max(1.0, f_scale);
    const oracle_t tolerance =
        std::max({oracle_t(1e-24) * magnitude, oracle_t(16 * oracle.error), floor});
    if (difference > tolerance) {
        c.result = verdict::rule_mismatch;
        c.detail = "finite differences give " + oracle.value.str(20);
    } else if (oracle.error > oracle_t(1e-25) * magnitude + oracle_t(1e-60)) {
        if (c.result == verdict::ok)
            c.result = verdict::unverified;
        c.detail = "finite differences good to only " +
                   std::to_string(static_cast<double>(oracle.error)) + " here";
    }
}

template <class... Vs>
std::array<std::string, sizeof...(Vs)> symbol_names(wrt_t<Vs...>) {
    return {std::string(Vs::name())...};
}

} // namespace detail

//! \brief Checks value, gradient and Hessian of \p f with respect to the symbols of \p w at
//! \p point against two references, and says per component whether to trust the double code.
//!
//! 1. Rounding: the same symbolic derivatives evaluated in `cpp_bin_float_50` (and
//!    `mpfr_float_50` when `NABLA_HAVE_MPFR` is defined and MPFR linked). The double value passes
//!    if its error is within twice its running error bound (`detail::error_bound`: the
//!    conditioning of that component) or 4 ulps.
//! 2. Rules: Richardson-extrapolated central differences of \f$ f \f$ itself in 100-digit
//!    arithmetic, second differences for the Hessian; independent of nabla's derivative rules.
//!
//! Kinks (abs, min, max, at their switching point) are reported as `non_differentiable`, a point
//! outside the domain as `domain_error` naming the first undefined subexpression, overflow and
//! underflow of double as such. No exception escapes for a bad point.
//! \code
//! auto report = nabla::verify(f, nabla::wrt(x, y), std::array{1.5, 2.0});
//! std::cout << report;
//! if (!report.ok()) { ... }
//! \endcode
template <expression F, class... Vs, class Point>
verification_report verify(F const& f, wrt_t<Vs...> w, Point const& point) {
    constexpr std::size_t n = sizeof...(Vs);
    detail::check_point_size<n>(point);
    std::array<double, n> x{};
    std::array<detail::reference_t, n> xr{};
    std::array<detail::error_bound, n> xb{};
    std::array<detail::oracle_t, n> xo{};
    for (std::size_t i = 0; i != n; ++i) {
        x[i] = static_cast<double>(point[i]);
        xr[i] = x[i];
        xb[i] = x[i];
        xo[i] = x[i];
    }
    const auto names = detail::symbol_names(w);
    const auto computed = eval_all(f, w, x);
    const auto reference = eval_all(f, w, xr);
    const auto bound = eval_all(f, w, xb);
    const auto g = gradient(f, w);

    verification_report report;
    const bool undefined = boost::multiprecision::isnan(reference.value);
    if (undefined) {
        report.note =
            "domain error: " + detail::first_undefined(f, w, xr) + " is undefined at this point";
    }
    const std::array<bool, n> kink = detail::kinks_along(f, g, w, xr);

    auto add = [&](std::string name, double value, detail::reference_t const& ref,
                   detail::error_bound const& b, bool at_kink) -> component_report& {
        component_report c;
        c.name = std::move(name);
        detail::judge_rounding(c, value, ref, b);
        if (undefined) {
            c.result = verdict::domain_error;
            c.detail.clear();
        } else if (at_kink) {
            c.result = verdict::non_differentiable;
            c.detail = "kink at this point";
        }
        report.components.push_back(std::move(c));
        return report.components.back();
    };

    add("f", computed.value, reference.value, bound.value, false);
    const double f_scale = std::fabs(static_cast<double>(reference.value));
    for (std::size_t i = 0; i != n; ++i) {
        auto& c = add("df/d" + names[i], computed.gradient[i], reference.gradient[i],
                      bound.gradient[i], kink[i]);
        if (c.result == verdict::ok || c.result == verdict::rounding)
            detail::judge_rule(c, reference.gradient[i], bound.gradient[i],
                               detail::difference_gradient(f, w, xo, i, x[i]), f_scale);
    }
    for (std::size_t i = 0; i != n; ++i) {
        for (std::size_t j = i; j != n; ++j) {
            const std::string name =
                i == j ? "d2f/d" + names[i] + "2" : "d2f/d" + names[i] + "d" + names[j];
            auto& c = add(name, computed.hessian(i, j), reference.hessian(i, j),
                          bound.hessian(i, j), kink[i] || kink[j]);
            if (c.result == verdict::ok || c.result == verdict::rounding)
                detail::judge_rule(c, reference.hessian(i, j), bound.hessian(i, j),
                                   detail::difference_hessian(f, w, xo, i, j, x[i], x[j]), f_scale);
        }
    }
    return report;
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_VERIFY_VERIFY_HPP
