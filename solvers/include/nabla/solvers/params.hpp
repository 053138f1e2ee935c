#ifndef NABLA_SOLVERS_PARAMS_HPP
#define NABLA_SOLVERS_PARAMS_HPP

//! \file
//! \brief Validation helpers shared by every params struct.
//!
//! Every solver has a params aggregate next to it (e.g. lbfgs_params in lbfgs.hpp) whose members
//! carry documented defaults; its `validate()` throws `std::invalid_argument` whose message names
//! the offending parameter, e.g. `"lbfgs_params::m must be >= 1 (got 0)"`. Solvers call
//! `validate()` before doing any work.

#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nabla::solvers::detail {

//! Throws `std::invalid_argument("<name> <what> (got <value>)")`.
[[noreturn]] inline void bad_param(std::string_view name, std::string_view what, double value) {
    std::string msg(name);
    msg += ' ';
    msg += what;
    std::ostringstream v;
    v << value;
    msg += " (got " + v.str() + ')';
    throw std::invalid_argument(msg);
}

//! Shortest readable form of a number ("0.9", "1e-08").
inline std::string num(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

//! \f$ v \ge 0 \f$ and finite.
inline void require_non_negative(std::string_view name, double v) {
    if (!(v >= 0) || !std::isfinite(v))
        bad_param(name, "must be finite and >= 0", v);
}
//! \f$ v > 0 \f$ and finite.
inline void require_positive(std::string_view name, double v) {
    if (!(v > 0) || !std::isfinite(v))
        bad_param(name, "must be finite and > 0", v);
}
//! \f$ lo < v < hi \f$.
inline void require_open_interval(std::string_view name, double v, double lo, double hi) {
    if (!(v > lo && v < hi))
        bad_param(name, "must lie in the open interval (" + num(lo) + ", " + num(hi) + ")", v);
}
//! \f$ lo \le v < hi \f$.
inline void require_half_open(std::string_view name, double v, double lo, double hi) {
    if (!(v >= lo && v < hi))
        bad_param(name, "must lie in [" + num(lo) + ", " + num(hi) + ")", v);
}
//! An integer count \f$ \ge 1 \f$.
inline void require_at_least_one(std::string_view name, std::size_t v) {
    if (v < 1)
        bad_param(name, "must be >= 1", static_cast<double>(v));
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_PARAMS_HPP
