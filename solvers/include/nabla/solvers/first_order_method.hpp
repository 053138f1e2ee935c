#ifndef NABLA_SOLVERS_FIRST_ORDER_METHOD_HPP
#define NABLA_SOLVERS_FIRST_ORDER_METHOD_HPP

//! \file
//! \brief first_order_method: the one driver behind sgd, momentum, nesterov, adagrad, rmsprop
//! and adam, parameterised by an element-wise update rule.
//!
//! An update rule `Rule` is a policy with
//! \code
//! using params_type = ...;                        // e.g. adam_params
//! static constexpr std::string_view params_name;  // "adam_params", prefixes error messages
//! static constexpr std::size_t state_size;        // per-coordinate state vectors (Adam: m, v)
//! template <class T, class P>                     // the update of coordinate i at update k >= 1
//! static auto coordinate_update(const P& p, const T& lr, std::size_t k);  // P = params_type
//!     // returns a callable  T(const T& g_i, T& state_0[i], ..., T& state_{S-1}[i]) -> dx_i
//! \endcode
//! `params_type` has the members `stop`, `learning_rate`, `clip`, `schedule`, `max_shrinks`
//! and `void validate(std::string_view owner) const`.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/first_order_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/detail/stochastic_driver.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stochastic_options.hpp>

#include <utility>

namespace nabla::solvers {

//! \brief A fixed-step first-order method: \f$ x_{k+1} = x_k + \Delta x_k \f$ with
//! \f$ \Delta x_k \f$ from the update rule applied to the (clipped) gradient, learning rate
//! \f$ \eta\, s(k) \f$ (schedule).
//!
//! Two ways to run it:
//! - deterministic, `minimize(f, x0[, callback])`: full gradients from `value_gradient`; a
//!   NaN/Inf trial halves the step (up to `max_shrinks` times); the best iterate is returned on
//!   every non-converged stop;
//! - stochastic, `minimize(f, x0, epochs(n)[, batch_size(b)][, shuffle_seed(s)][, callback])`:
//!   `f` must model finite_sum_objective; mini-batch gradients over shuffled samples, one
//!   history entry and callback per epoch (with the full \f$ f \f$ and \f$ \|\nabla f\| \f$),
//!   `iterations` counts epochs, `stop.max_iterations` bounds epochs, the schedule is evaluated
//!   per epoch; ends with status::epoch_limit unless a convergence test holds for the full
//!   gradient. See detail/stochastic_driver.hpp.
template <class Rule>
class first_order_method {
public:
    using params_type = typename Rule::params_type; //!< the rule's parameters
    params_type params{};                           //!< parameters

    constexpr first_order_method() = default;
    //! From parameters, e.g. `adam{{.learning_rate = 1e-2}}`.
    constexpr explicit first_order_method(params_type p) : params(std::move(p)) {}

    //! Minimises `f` from `x0`. `args`: at most one callback (called after every iteration,
    //! or every epoch) and, for a stochastic run, epochs(), batch_size(), shuffle_seed().
    template <class F, class X, class... Args>
    auto minimize(const F& f, const X& x0, const Args&... args) const {
        using T = scalar_type_t<F, X>;
        using trailing = detail::trailing_arguments<Args...>;
        auto cb = detail::pick_callback(args...);
        params.validate(Rule::params_name);
        static_assert(!trailing::stochastic || finite_sum_objective<F, T>,
                      "nabla::solvers: a stochastic run (epochs(n), batch_size(b)) needs a "
                      "finite-sum objective: it must provide `std::size_t sample_count() "
                      "const` and `T value_gradient_sample(std::span<const T> x, "
                      "std::span<const std::size_t> indices, std::span<T> g) const`");
        if constexpr (trailing::stochastic && !finite_sum_objective<F, T>) {
            return result<T>{}; // unreachable: the static_assert above fired
        } else if constexpr (trailing::stochastic) {
            static_assert(detail::check_start_point<T, X>());
            stochastic_options o;
            (detail::collect_option(o, args), ...);
            o.validate();
            auto x = detail::start_point<T>(f, x0);
            detail::session<T, F, decltype(cb)> s(f, params.stop, cb);
            detail::elementwise_update<Rule, T> rule(params, x.size());
            return detail::stochastic_loop<T>(s, rule, std::move(x), o, params.max_shrinks,
                                              params.clip, params.schedule);
        } else {
            static_assert(detail::check_objective<F, T, X>());
            auto x = detail::start_point<T>(f, x0);
            detail::session<T, F, decltype(cb)> s(f, params.stop, cb);
            detail::elementwise_update<Rule, T> rule(params, x.size());
            return detail::first_order_loop<T>(s, rule, std::move(x), params.max_shrinks,
                                               params.clip, params.schedule);
        }
    }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FIRST_ORDER_METHOD_HPP
