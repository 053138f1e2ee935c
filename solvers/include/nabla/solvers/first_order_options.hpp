#ifndef NABLA_SOLVERS_FIRST_ORDER_OPTIONS_HPP
#define NABLA_SOLVERS_FIRST_ORDER_OPTIONS_HPP

//! \file
//! \brief Gradient clipping and learning-rate schedules for the fixed-step first-order methods
//! (momentum, nesterov, adagrad, rmsprop, adam).
//!
//! \code
//! auto r = nabla::solvers::adam{{.learning_rate = 1e-2,
//!                                .clip = {.max_norm = 1.0},
//!                                .schedule = {.kind = nabla::solvers::schedule_kind::inverse_time,
//!                                             .rate = 1e-3}}}.minimize(f, x0);
//! \endcode

#include <nabla/solvers/params.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nabla::solvers {

//! \brief Gradient clipping, applied to \f$ g_k \f$ before the update rule sees it.
//!
//! By value: \f$ g_i \leftarrow \min(\max(g_i, -c_v), c_v) \f$; then by norm:
//! \f$ g \leftarrow g \cdot \min(1, c_n/\|g\|_2) \f$. A bound of 0 disables that clipping.
struct gradient_clip {
    double max_norm = 0.0;  //!< \f$ c_n \f$ (default 0: off)
    double max_value = 0.0; //!< \f$ c_v \f$ (default 0: off)

    //! Throws std::invalid_argument naming the bad member (`owner` prefixes the name).
    void validate(const std::string& owner) const {
        detail::require_non_negative(owner + "::clip.max_norm", max_norm);
        detail::require_non_negative(owner + "::clip.max_value", max_value);
    }
    //! True if any clipping is enabled.
    [[nodiscard]] bool active() const noexcept { return max_norm > 0 || max_value > 0; }
    //! `g` if clipping is off, else a clipped copy of it held in `scratch`.
    template <class T>
    std::span<const T> applied(std::span<const T> g, std::vector<T>& scratch) const {
        if (!active())
            return g;
        scratch.assign(g.begin(), g.end());
        apply(std::span<T>(scratch));
        return scratch;
    }
    //! Clips `g` in place.
    template <class T>
    void apply(std::span<T> g) const {
        if (max_value > 0) {
            const T c(max_value);
            for (auto& v : g)
                v = v > c ? c : (v < -c ? -c : v);
        }
        if (max_norm > 0) {
            const T n = norm2<T>(std::span<const T>(g.data(), g.size()));
            const T c(max_norm);
            if (n > c)
                scale<T>(c / n, g);
        }
    }
};

//! \brief Shapes of learning-rate schedules \f$ \eta_k = \eta\, s(k) \f$.
enum class schedule_kind {
    constant,     //!< \f$ s(k) = 1 \f$
    step,         //!< \f$ s(k) = \text{rate}^{\lfloor k/\text{period}\rfloor} \f$
    exponential,  //!< \f$ s(k) = e^{-\text{rate}\,k} \f$
    inverse_time, //!< \f$ s(k) = 1/(1 + \text{rate}\,k) \f$
    cosine //!< \f$ s(k) = f + (1-f)\,\tfrac12(1+\cos(\pi \min(k,P)/P)) \f$, \f$ P \f$ = period, \f$
           //!< f \f$ = floor
};

//! \brief A learning-rate schedule: the factor \f$ s(k) \f$ multiplying the learning rate at
//! iteration \f$ k \f$.
struct lr_schedule {
    schedule_kind kind = schedule_kind::constant; //!< shape (default constant)
    double rate = 0.0;      //!< decay rate (step: the factor per period, in (0, 1])
    std::size_t period = 0; //!< step: iterations per decay; cosine: horizon \f$ P \f$
    double floor = 0.0;     //!< cosine: final factor \f$ f \in [0,1] \f$

    //! Throws std::invalid_argument naming the bad member (`owner` prefixes the name).
    void validate(const std::string& owner) const {
        switch (kind) {
        case schedule_kind::constant:
            break;
        case schedule_kind::step:
            if (!(rate > 0 && rate <= 1))
                detail::bad_param(owner + "::schedule.rate",
                                  "must lie in (0, 1] for a step schedule", rate);
            detail::require_at_least_one(owner + "::schedule.period", period);
            break;
        case schedule_kind::exponential:
        case schedule_kind::inverse_time:
            detail::require_non_negative(owner + "::schedule.rate", rate);
            break;
        case schedule_kind::cosine:
            detail::require_at_least_one(owner + "::schedule.period", period);
            if (!(floor >= 0 && floor <= 1))
                detail::bad_param(owner + "::schedule.floor", "must lie in [0, 1]", floor);
            break;
        }
    }
    //! \f$ s(k) \f$.
    [[nodiscard]] double factor(std::size_t k) const {
        const double kk = static_cast<double>(k);
        switch (kind) {
        case schedule_kind::constant:
            return 1.0;
        case schedule_kind::step:
            return std::pow(rate, std::floor(kk / static_cast<double>(period)));
        case schedule_kind::exponential:
            return std::exp(-rate * kk);
        case schedule_kind::inverse_time:
            return 1.0 / (1.0 + rate * kk);
        case schedule_kind::cosine: {
            const double p = static_cast<double>(period), t = kk < p ? kk : p;
            return floor + (1 - floor) * 0.5 * (1 + std::cos(3.14159265358979323846 * t / p));
        }
        }
        return 1.0;
    }
};

namespace detail {
//! Validates the members every first-order params struct has (`stop`, `learning_rate`, `clip`,
//! `schedule`); `owner` names the struct in the message, e.g. `adam_params::learning_rate`.
template <class P>
void validate_first_order(const P& p, std::string_view owner) {
    const std::string name(owner);
    p.stop.validate();
    p.clip.validate(name);
    p.schedule.validate(name);
    require_positive(name + "::learning_rate", p.learning_rate);
}
} // namespace detail

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FIRST_ORDER_OPTIONS_HPP
