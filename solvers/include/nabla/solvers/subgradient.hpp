#ifndef NABLA_SOLVERS_SUBGRADIENT_HPP
#define NABLA_SOLVERS_SUBGRADIENT_HPP

//! \file
//! \brief The subgradient method for non-smooth convex objectives, keeping the best iterate.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/first_order_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <span>

namespace nabla::solvers {

//! \brief Diminishing step rules \f$ \alpha_k \f$ of the subgradient method.
enum class subgradient_step {
    inverse_sqrt, //!< \f$ \alpha_k = a/\sqrt{k+1} \f$: best worst-case rate \f$ O(1/\sqrt{k}) \f$
    inverse       //!< \f$ \alpha_k = a/(k+1) \f$: square-summable, not summable
};

//! \brief Parameters of subgradient.
struct subgradient_params {
    stopping_params stop{
        .max_iterations =
            10000}; //!< budgets; `ftol_rel` and `xtol` are ignored (steps shrink by design)
    double step_scale = 1.0;                                //!< \f$ a > 0 \f$ (default 1)
    subgradient_step rule = subgradient_step::inverse_sqrt; //!< (default inverse_sqrt)
    bool normalize =
        true; //!< use \f$ g/\|g\| \f$ so that \f$ \|x_{k+1}-x_k\| = \alpha_k \f$ (default true)
    std::size_t max_shrinks =
        30; //!< halvings of a NaN/Inf step before status::non_finite (default 30)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_positive("subgradient_params::step_scale", step_scale);
    }
};

//! \brief Subgradient method \f$ x_{k+1} = x_k - \alpha_k\, g_k/\|g_k\| \f$ with
//! \f$ g_k \in \partial f(x_k) \f$ (the objective's `value_gradient` returns any subgradient).
//!
//! Not a descent method: the best iterate \f$ \min_{i\le k} f(x_i) \f$ is returned, which for
//! convex \f$ f \f$ with \f$ \alpha_k = a/\sqrt{k+1} \f$ is within \f$ O(1/\sqrt{k}) \f$ of
//! \f$ f^\ast \f$. There is no practical certificate of optimality, so a run normally ends with
//! status::iteration_limit; it reports convergence only if a gradient test holds at an iterate
//! (e.g. a zero subgradient). For hinge, L1 and max-type losses.
class subgradient {
public:
    subgradient_params params{}; //!< parameters

    constexpr subgradient() = default;
    //! From parameters.
    constexpr explicit subgradient(subgradient_params p) : params(p) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(detail::check_objective<F, T, X>());
        params.validate();
        auto x = detail::start_point<T>(f, x0);
        stopping_params sp = params.stop;
        sp.ftol_rel = 0;
        sp.xtol = 0;
        detail::session<T, F, C> s(f, sp, cb);
        rule<T> r{T(params.step_scale), params.rule, params.normalize};
        return detail::first_order_loop<T>(s, r, std::move(x), params.max_shrinks);
    }

private:
    template <class T>
    struct rule {
        T a;
        subgradient_step kind;
        bool normalize;
        void delta(std::size_t k, const T&, std::span<const T> g, std::span<T> dx) {
            using std::sqrt;
            const T kk = T(static_cast<double>(k + 1));
            T alpha = kind == subgradient_step::inverse_sqrt ? a / sqrt(kk) : a / kk;
            if (normalize) {
                const T gn = norm2<T>(g);
                if (gn > T(0))
                    alpha /= gn;
            }
            for (std::size_t i = 0; i < g.size(); ++i)
                dx[i] = -alpha * g[i];
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_SUBGRADIENT_HPP
