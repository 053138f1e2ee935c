#ifndef NABLA_SOLVERS_TRUST_REGION_NEWTON_HPP
#define NABLA_SOLVERS_TRUST_REGION_NEWTON_HPP

//! \file
//! \brief Trust-region Newton with the Steihaug truncated conjugate-gradient subproblem solver.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/common.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of trust_region_newton.
struct trust_region_params {
    stopping_params stop{.max_iterations = 500}; //!< stopping tests; default 500 iterations
    double initial_radius = 1.0;                 //!< \f$ \Delta_0 \f$ (default 1)
    double max_radius = 1e10;                    //!< \f$ \Delta_{\max} \f$ (default 1e10)
    double eta =
        1e-4; //!< accept the step if \f$ \rho > \eta \f$, \f$ \eta \in [0, 1/4) \f$ (default 1e-4)
    std::size_t max_cg = 0; //!< CG iterations per subproblem; 0 means \f$ 2n \f$ (default 0)
    std::size_t max_rejections = 60; //!< consecutive rejected steps before giving up (default 60)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_positive("trust_region_params::initial_radius", initial_radius);
        detail::require_positive("trust_region_params::max_radius", max_radius);
        if (initial_radius > max_radius)
            detail::bad_param("trust_region_params::initial_radius", "must be <= max_radius",
                              initial_radius);
        detail::require_half_open("trust_region_params::eta", eta, 0.0, 0.25);
        detail::require_at_least_one("trust_region_params::max_rejections", max_rejections);
    }
};

//! \brief Trust-region Newton: the step \f$ p_k \f$ approximately minimises the model
//! \f$ m_k(p) = f_k + g_k^\top p + \tfrac12 p^\top \nabla^2 f(x_k)\, p \f$ over
//! \f$ \|p\|_2 \le \Delta_k \f$ by Steihaug's truncated CG (stops at the boundary, on negative
//! curvature, or when \f$ \|r\| \le \min(\tfrac12, \sqrt{\|g_k\|})\,\|g_k\| \f$).
//!
//! With \f$ \rho_k = (f(x_k) - f(x_k+p_k)) / (m_k(0) - m_k(p_k)) \f$: the step is accepted if
//! \f$ \rho_k > \eta \f$; \f$ \Delta \f$ is quartered if \f$ \rho_k < 1/4 \f$ (or the trial is
//! NaN/Inf) and doubled if \f$ \rho_k > 3/4 \f$ on the boundary. Uses `hessian_vector` when the
//! objective provides it (Hessian-free, for large \f$ n \f$), else one dense Hessian per
//! iteration. Handles indefinite Hessians without any shift.
class trust_region_newton {
public:
    trust_region_params params{}; //!< parameters

    constexpr trust_region_newton() = default;
    //! From parameters.
    constexpr explicit trust_region_newton(trust_region_params p) : params(p) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        using std::sqrt;
        static_assert(detail::check_objective<F, T, X>());
        static_assert(detail::check_second_order<F, T>());
        params.validate();
        auto x = detail::start_point<T>(f, x0);
        const std::size_t n = x.size();
        detail::session<T, F, C> s(f, params.stop, cb);
        std::vector<T> g(n), xn(n), gn(n), p(n), hp(n), h;
        if constexpr (!hessian_vector_objective<F, T>)
            h.resize(n * n);
        cg_work<T> w(n);
        T f0 = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
        if (!is_finite(f0) || !all_finite<T>(g))
            return s.finish(status::non_finite, std::move(x), f0, T(0), 0, "at the start point x0");
        T gnorm = norm2<T>(g), radius(params.initial_radius);
        const T max_radius(params.max_radius), eta(params.eta);
        s.tests.start(f0);
        if (auto st = s.report(0, x, f0, gnorm, T(0)))
            return s.finish(*st, std::move(x), f0, gnorm, 0);
        std::size_t rejections = 0, k = 0;
        bool fresh = true; // Hessian at x not yet evaluated
        for (;;) {
            if (auto st = s.tests.gradient(f0, gnorm))
                return s.finish(*st, std::move(x), f0, gnorm, k);
            if (auto st = s.limits(k))
                return s.finish(*st, std::move(x), f0, gnorm, k);
            auto hess = [&](std::span<const T> v, std::span<T> out) {
                if constexpr (hessian_vector_objective<F, T>) {
                    s.eval.hessian_vector(std::span<const T>(x), v, out);
                } else {
                    for (std::size_t i = 0; i < n; ++i)
                        out[i] = dot<T>(std::span<const T>(h.data() + i * n, n), v);
                }
            };
            if constexpr (!hessian_vector_objective<F, T>) {
                if (fresh)
                    s.eval.hessian(std::span<const T>(x), std::span<T>(h));
            }
            fresh = false;
            const bool boundary =
                steihaug(g, gnorm, radius, hess, p, w, params.max_cg ? params.max_cg : 2 * n);
            hess(std::span<const T>(p), std::span<T>(hp));
            const T pred = -(dot<T>(g, p) + dot<T>(p, hp) / 2);
            add_scaled<T>(x, T(1), p, xn);
            const T f1 = s.eval.value_gradient(std::span<const T>(xn), std::span<T>(gn));
            const bool finite = is_finite(f1) && all_finite<T>(gn);
            const T rho = finite && pred > T(0) ? (f0 - f1) / pred : T(-1);
            const T pnorm = norm2<T>(p);
            if (rho < T(0.25))
                radius = pnorm / 4;
            else if (rho > T(0.75) && boundary)
                radius = (2 * radius < max_radius ? 2 * radius : max_radius);
            if (finite && rho > eta) {
                rejections = 0;
                x.swap(xn);
                g.swap(gn);
                f0 = f1;
                gnorm = norm2<T>(g);
                fresh = true;
                ++k;
                if (auto st = s.report(k, x, f0, gnorm, pnorm))
                    return s.finish(*st, std::move(x), f0, gnorm, k);
                if (auto st = s.tests.after_step(f0, pnorm, norm2<T>(x))) {
                    if (auto sg = s.tests.gradient(f0, gnorm))
                        st = sg;
                    return s.finish(*st, std::move(x), f0, gnorm, k);
                }
                continue;
            }
            if (++rejections >= params.max_rejections ||
                detail::step_is_negligible<T>(x, p, T(1))) {
                const status st = !finite ? status::non_finite : status::roundoff_limited;
                return s.finish(st, std::move(x), f0, gnorm, k, "trust region collapsed");
            }
        }
    }

private:
    template <class T>
    struct cg_work {
        explicit cg_work(std::size_t n) : r(n), d(n), bd(n), zn(n) {}
        std::vector<T> r, d, bd, zn;
    };

    //! \f$ \tau \ge 0 \f$ with \f$ \|z + \tau d\| = \Delta \f$.
    template <class T>
    static T to_boundary(std::span<const T> z, std::span<const T> d, const T& radius) {
        using std::sqrt;
        const T dd = dot<T>(d, d), zd = dot<T>(z, d), zz = dot<T>(z, z);
        const T disc = zd * zd + dd * (radius * radius - zz);
        return (-zd + sqrt(disc > T(0) ? disc : T(0))) / dd;
    }

    //! Steihaug CG on \f$ B p = -g \f$ within \f$ \|p\| \le \Delta \f$; returns true if \f$ p \f$
    //! lies on the boundary.
    template <class T, class H>
    static bool steihaug(const std::vector<T>& g, const T& gnorm, const T& radius, H& hess,
                         std::vector<T>& z, cg_work<T>& w, std::size_t max_cg) {
        using std::sqrt;
        const std::size_t n = g.size();
        for (std::size_t i = 0; i < n; ++i) {
            z[i] = T(0);
            w.r[i] = g[i];
            w.d[i] = -g[i];
        }
        const T sq = sqrt(gnorm);
        const T tol = (sq < T(0.5) ? sq : T(0.5)) * gnorm;
        T rr = gnorm * gnorm;
        for (std::size_t j = 0; j < max_cg; ++j) {
            hess(std::span<const T>(w.d), std::span<T>(w.bd));
            const T dbd = dot<T>(w.d, w.bd);
            if (!(dbd > T(0))) { // negative curvature: go to the boundary
                axpy<T>(to_boundary<T>(z, w.d, radius), w.d, z);
                return true;
            }
            const T a = rr / dbd;
            add_scaled<T>(z, a, w.d, w.zn);
            if (norm2<T>(w.zn) >= radius) {
                axpy<T>(to_boundary<T>(z, w.d, radius), w.d, z);
                return true;
            }
            z.swap(w.zn);
            axpy<T>(a, w.bd, w.r);
            const T rr1 = dot<T>(w.r, w.r);
            if (sqrt(rr1) <= tol)
                return false;
            const T beta = rr1 / rr;
            rr = rr1;
            for (std::size_t i = 0; i < n; ++i)
                w.d[i] = -w.r[i] + beta * w.d[i];
        }
        return false;
    }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_TRUST_REGION_NEWTON_HPP
