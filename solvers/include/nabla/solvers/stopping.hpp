#ifndef NABLA_SOLVERS_STOPPING_HPP
#define NABLA_SOLVERS_STOPPING_HPP

//! \file
//! \brief Scale-aware stopping tests and budgets shared by all solvers.

#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace nabla::solvers {

//! \brief Convergence tests and budgets. A test whose tolerance is 0 is disabled.
//!
//! Convergence (checked in this order, the first that holds names the status):
//! - \f$ \|g_k\|_2 \le \text{gtol\_abs} \f$ \f$\Rightarrow\f$ status::converged_gradient
//! - \f$ \|g_k\|_2 \le \text{gtol\_rel}\,\max(1,|f_k|) \f$ and \f$ |f_{k-1}-f_k| \le
//!   \sqrt{\text{gtol\_rel}}\,\max(1,|f_k|) \f$ or \f$ \|g_k\|_2 \le
//!   \text{gtol\_rel}\,\max(1,|f_0|) \f$ (so that a run diverging to \f$ -\infty \f$, where \f$ |f|
//!   \f$ outgrows \f$ \|g\| \f$, is not taken for converged) \f$\Rightarrow\f$
//!   status::converged_relative_gradient
//! - \f$ |f_{k-m} - f_k| \le \text{ftol\_rel}\,\max(1,|f_k|) \f$, \f$ m = \text{f\_window} \f$
//!   \f$\Rightarrow\f$ status::converged_function_change
//! - \f$ \|x_k - x_{k-1}\|_2 \le \text{xtol}\,\max(1,\|x_k\|_2) \f$ \f$\Rightarrow\f$
//! status::converged_step
//!
//! The defaults suit double precision. For `float` loosen `gtol_rel` to about 1e-3; for
//! multiprecision tighten it to the accuracy wanted (tolerances are doubles, so down to ~1e-300).
struct stopping_params {
    double gtol_abs = 0.0;    //!< absolute gradient-norm tolerance (default 0: off)
    double gtol_rel = 1e-8;   //!< gradient norm relative to \f$ \max(1,|f|) \f$ (default 1e-8)
    double ftol_rel = 0.0;    //!< relative f change over `f_window` iterations (default 0: off)
    std::size_t f_window = 5; //!< \f$ m \f$, iterations for the f-change test (default 5)
    double xtol = 0.0;        //!< relative step-size tolerance (default 0: off)
    std::size_t max_iterations = 1000; //!< default 1000
    std::size_t max_evaluations =
        std::numeric_limits<std::size_t>::max(); //!< f or g evaluations; default unlimited
    double max_seconds = std::numeric_limits<double>::infinity(); //!< wall time; default unlimited
    bool record_history = true; //!< store one history_entry per iteration (default true)

    //! Throws `std::invalid_argument` naming the bad member.
    void validate() const {
        detail::require_non_negative("stopping_params::gtol_abs", gtol_abs);
        detail::require_non_negative("stopping_params::gtol_rel", gtol_rel);
        detail::require_non_negative("stopping_params::ftol_rel", ftol_rel);
        detail::require_non_negative("stopping_params::xtol", xtol);
        detail::require_at_least_one("stopping_params::f_window", f_window);
        detail::require_at_least_one("stopping_params::max_evaluations", max_evaluations);
        if (!(max_seconds > 0))
            detail::bad_param("stopping_params::max_seconds", "must be > 0", max_seconds);
    }
};

namespace detail {

//! Evaluates the convergence tests of stopping_params on scalars of type `T`.
template <class T>
class stopping_tests {
public:
    explicit stopping_tests(const stopping_params& p) : p_(p), recent_(p.f_window + 1) {}

    //! Gradient tests on the current iterate.
    std::optional<status> gradient(const T& f, const T& gnorm) const {
        using std::abs;
        if (p_.gtol_abs > 0 && gnorm <= T(p_.gtol_abs))
            return status::converged_gradient;
        if (p_.gtol_rel > 0 && gnorm <= T(p_.gtol_rel) * max1(abs(f)) &&
            (settled(f) || (count_ > 0 && gnorm <= T(p_.gtol_rel) * max1(abs(f0_)))))
            return status::converged_relative_gradient;
        return std::nullopt;
    }

    //! Records \f$ f_k \f$ and runs the f-change and step tests after an accepted step.
    std::optional<status> after_step(const T& f, const T& step, const T& xnorm) {
        using std::abs;
        head_ = head_ + 1 == recent_.size() ? 0 : head_ + 1;
        recent_[head_] = f;
        ++count_;
        if (p_.ftol_rel > 0 && count_ > p_.f_window) {
            // f_window + 1 values in the ring: the one after the newest is the oldest
            const T& old = recent_[head_ + 1 == recent_.size() ? 0 : head_ + 1];
            if (abs(old - f) <= T(p_.ftol_rel) * max1(abs(f)))
                return status::converged_function_change;
        }
        if (p_.xtol > 0 && step <= T(p_.xtol) * max1(xnorm))
            return status::converged_step;
        return std::nullopt;
    }

    //! Records the start value \f$ f_0 \f$.
    void start(const T& f0) {
        f0_ = f0;
        recent_[0] = f0;
        head_ = 0;
        count_ = 1;
    }

private:
    //! Guard of the relative test: the last change of f is at most
    //! \f$ \sqrt{\text{gtol\_rel}}\,\max(1,|f|) \f$. On a run diverging to \f$ -\infty \f$,
    //! \f$ |f| \f$ grows faster than \f$ \|g\| \f$ and would fake the relative test.
    bool settled(const T& f) const {
        using std::abs;
        using std::sqrt;
        if (count_ < 2)
            return true;
        const T& previous = recent_[head_ == 0 ? recent_.size() - 1 : head_ - 1];
        return abs(previous - f) <= sqrt(T(p_.gtol_rel)) * max1(abs(f));
    }
    static T max1(const T& v) { return v > T(1) ? v : T(1); }
    stopping_params p_;
    T f0_{};                //!< \f$ f_0 \f$
    std::vector<T> recent_; //!< the last f_window + 1 values of f, a ring (no growth per step)
    std::size_t head_ = 0;  //!< the newest value's place in recent_
    std::size_t count_ = 0; //!< values recorded, \f$ f_0 \f$ included
};

} // namespace detail
} // namespace nabla::solvers

#endif // NABLA_SOLVERS_STOPPING_HPP
