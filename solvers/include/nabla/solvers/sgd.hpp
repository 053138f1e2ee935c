#ifndef NABLA_SOLVERS_SGD_HPP
#define NABLA_SOLVERS_SGD_HPP

//! \file
//! \brief Stochastic, mini-batch (and fixed-step full-batch) gradient descent.

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cstddef>
#include <string_view>

namespace nabla::solvers {

struct sgd_params;

//! \brief The plain gradient step \f$ \Delta x = -\eta g \f$.
struct sgd_rule {
    static constexpr std::size_t state_size = 0; //!< stateless
    using params_type = sgd_params;              //!< parameters
    //! Name used in error messages.
    static constexpr std::string_view params_name = "sgd_params";

    //! The per-coordinate update \f$ g_i \mapsto -\eta g_i \f$.
    template <class T, class P>
    static auto coordinate_update(const P&, const T& lr, std::size_t) {
        return [lr](const T& g) { return T(-lr * g); };
    }
};

//! \brief Gradient descent with a fixed (scheduled) step: \f$ x \leftarrow x - \eta_k g \f$.
//!
//! With `epochs(n)` and `batch_size(b)` it is stochastic (\f$ b = 1 \f$) or mini-batch gradient
//! descent over a finite-sum objective, each epoch a fresh seeded permutation of the samples;
//! without them, fixed-step full-batch gradient descent (gradient_descent adds a line search).
//! \code
//! namespace ns = nabla::solvers;
//! auto r = ns::sgd{{.learning_rate = 0.1,
//!                   .schedule = {.kind = ns::schedule_kind::inverse_time, .rate = 0.1}}}
//!              .minimize(data_loss, w0, ns::epochs(20), ns::batch_size(16), ns::shuffle_seed(1));
//! \endcode
using sgd = first_order_method<sgd_rule>;

//! \brief Parameters of sgd.
struct sgd_params {
    //! stopping tests; default 10000 iterations (epochs in a stochastic run)
    stopping_params stop{.max_iterations = 10000};
    //! \f$ \eta > 0 \f$ (default 1e-2)
    double learning_rate = 1e-2;

    //! Throws std::invalid_argument naming the bad member, prefixed by `owner`.
    void validate(std::string_view owner = "sgd_params") const {
        detail::validate_first_order(*this, owner);
    }

    // the options every first-order method has:
    //! gradient clipping (default off)
    gradient_clip clip{};
    //! learning-rate schedule \f$ \eta_k = \eta\, s(k) \f$ (default constant); for convergence of
    //! plain SGD use a decaying one, e.g. inverse_time
    lr_schedule schedule{};
    //! halvings of a NaN/Inf step before status::non_finite (default 30)
    std::size_t max_shrinks = 30;
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_SGD_HPP
