#ifndef NABLA_SOLVERS_FRANK_WOLFE_ORACLES_HPP
#define NABLA_SOLVERS_FRANK_WOLFE_ORACLES_HPP

//! \file
//! \brief Linear minimisation oracles (LMOs) \f$ s = \arg\min_{s \in C} \langle g, s\rangle \f$
//! for Frank-Wolfe: probability simplex, L1 ball, L2 ball, box.
//!
//! Every oracle provides `validate()`, `lmo(g, s)` and `contains(x, tol)`. Polytopes (simplex,
//! l1_ball) also index their vertices \f$ v_0, \dots, v_{V-1} \f$ for away-step Frank-Wolfe:
//! `vertex_count(n)`, `lmo_vertex(g)`, `vertex_dot(i, g)` \f$ = \langle g, v_i\rangle \f$,
//! `add_vertex(i, w, x)` (\f$ x \mathrel{+}= w v_i \f$) and `decompose(x)` (convex weights
//! \f$ \lambda \f$ with \f$ x = \sum_i \lambda_i v_i \f$).

#include <nabla/solvers/params.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <concepts>
#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief \f$ \Delta_r = \{x : x_i \ge 0,\ \sum_i x_i = r\} \f$ (probability simplex for \f$ r = 1
//! \f$). Vertices \f$ v_i = r e_i \f$; LMO: \f$ s = r e_j \f$, \f$ j = \arg\min_i g_i \f$.
struct simplex {
    double radius = 1.0; //!< \f$ r > 0 \f$ (default 1)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const { detail::require_positive("simplex::radius", radius); }
    //! Writes \f$ s = \arg\min_{s\in C}\langle g, s\rangle \f$.
    template <class T>
    void lmo(std::span<const T> g, std::span<T> s) const {
        for (auto& v : s)
            v = T(0);
        s[lmo_vertex(g)] = T(radius);
    }
    //! True if \f$ x \in C \f$ up to the relative tolerance `tol`.
    template <class T>
    bool contains(std::span<const T> x, const T& tol) const {
        using std::abs;
        T sum = T(0);
        for (const auto& v : x) {
            if (v < -tol)
                return false;
            sum += v;
        }
        return abs(sum - T(radius)) <= tol * (1 + T(radius));
    }
    //! Number of vertices \f$ V \f$ in dimension \f$ n \f$.
    std::size_t vertex_count(std::size_t n) const { return n; }
    //! Index of the vertex the LMO returns for \f$ g \f$.
    template <class T>
    std::size_t lmo_vertex(std::span<const T> g) const {
        std::size_t j = 0;
        for (std::size_t i = 1; i < g.size(); ++i)
            if (g[i] < g[j])
                j = i;
        return j;
    }
    //! \f$ \langle g, v_i\rangle \f$.
    template <class T>
    T vertex_dot(std::size_t i, std::span<const T> g) const {
        return T(radius) * g[i];
    }
    //! \f$ x \mathrel{+}= w\, v_i \f$.
    template <class T>
    void add_vertex(std::size_t i, const T& w, std::span<T> x) const {
        x[i] += w * T(radius);
    }
    //! Convex weights \f$ \lambda \f$ (one per vertex) with \f$ x = \sum_i \lambda_i v_i \f$.
    template <class T>
    std::vector<T> decompose(std::span<const T> x) const {
        std::vector<T> w(x.size());
        T sum = T(0);
        for (std::size_t i = 0; i < x.size(); ++i)
            sum += (w[i] = x[i] > T(0) ? x[i] : T(0));
        for (auto& v : w)
            v /= sum;
        return w;
    }
};

//! \brief \f$ \{x : \|x\|_1 \le r\} \f$. Vertices \f$ v_{2i} = r e_i \f$, \f$ v_{2i+1} = -r e_i
//! \f$; LMO: \f$ s = -r\,\mathrm{sign}(g_j) e_j \f$, \f$ j = \arg\max_i |g_i| \f$.
struct l1_ball {
    double radius = 1.0; //!< \f$ r > 0 \f$ (default 1)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const { detail::require_positive("l1_ball::radius", radius); }
    //! Writes \f$ s = \arg\min_{s\in C}\langle g, s\rangle \f$.
    template <class T>
    void lmo(std::span<const T> g, std::span<T> s) const {
        for (auto& v : s)
            v = T(0);
        add_vertex(lmo_vertex(g), T(1), s);
    }
    //! True if \f$ x \in C \f$ up to the relative tolerance `tol`.
    template <class T>
    bool contains(std::span<const T> x, const T& tol) const {
        return norm1<T>(x) <= T(radius) * (1 + tol);
    }
    //! Number of vertices \f$ V \f$ in dimension \f$ n \f$.
    std::size_t vertex_count(std::size_t n) const { return 2 * n; }
    //! Index of the vertex the LMO returns for \f$ g \f$.
    template <class T>
    std::size_t lmo_vertex(std::span<const T> g) const {
        using std::abs;
        std::size_t j = 0;
        for (std::size_t i = 1; i < g.size(); ++i)
            if (abs(g[i]) > abs(g[j]))
                j = i;
        return g[j] > T(0) ? 2 * j + 1 : 2 * j;
    }
    //! \f$ \langle g, v_i\rangle \f$.
    template <class T>
    T vertex_dot(std::size_t i, std::span<const T> g) const {
        return (i % 2 == 0 ? T(radius) : T(-radius)) * g[i / 2];
    }
    //! \f$ x \mathrel{+}= w\, v_i \f$.
    template <class T>
    void add_vertex(std::size_t i, const T& w, std::span<T> x) const {
        x[i / 2] += (i % 2 == 0 ? w : -w) * T(radius);
    }
    //! Convex weights \f$ \lambda \f$ (one per vertex) with \f$ x = \sum_i \lambda_i v_i \f$.
    template <class T>
    std::vector<T> decompose(std::span<const T> x) const {
        using std::abs;
        std::vector<T> w(2 * x.size(), T(0));
        T sum = T(0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            w[x[i] > T(0) ? 2 * i : 2 * i + 1] = abs(x[i]) / T(radius);
            sum += abs(x[i]) / T(radius);
        }
        if (sum < T(1)) { // interior point: the slack sits on +r e_0 and -r e_0, which cancel
            w[0] += (1 - sum) / 2;
            w[1] += (1 - sum) / 2;
        } else {
            for (auto& v : w)
                v /= sum;
        }
        return w;
    }
};

//! \brief \f$ \{x : \|x\|_2 \le r\} \f$; LMO: \f$ s = -r\, g/\|g\|_2 \f$. Not a polytope.
struct l2_ball {
    double radius = 1.0; //!< \f$ r > 0 \f$ (default 1)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const { detail::require_positive("l2_ball::radius", radius); }
    //! Writes \f$ s = \arg\min_{s\in C}\langle g, s\rangle \f$.
    template <class T>
    void lmo(std::span<const T> g, std::span<T> s) const {
        const T gn = norm2<T>(g);
        for (std::size_t i = 0; i < g.size(); ++i)
            s[i] = gn > T(0) ? -T(radius) * g[i] / gn : T(0);
    }
    //! True if \f$ x \in C \f$ up to the relative tolerance `tol`.
    template <class T>
    bool contains(std::span<const T> x, const T& tol) const {
        return norm2<T>(x) <= T(radius) * (1 + tol);
    }
};

//! \brief \f$ \{x : \ell \le x_i \le u\} \f$; LMO: \f$ s_i = \ell \f$ if \f$ g_i > 0 \f$ else \f$ u
//! \f$.
//! (\f$ 2^n \f$ vertices: not indexed, so no away steps.)
struct box {
    double lower = 0.0; //!< \f$ \ell \f$ (default 0)
    double upper = 1.0; //!< \f$ u > \ell \f$ (default 1)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        if (!(lower < upper) || !std::isfinite(lower) || !std::isfinite(upper))
            detail::bad_param("box::lower", "must be finite and < box::upper", lower);
    }
    //! Writes \f$ s = \arg\min_{s\in C}\langle g, s\rangle \f$.
    template <class T>
    void lmo(std::span<const T> g, std::span<T> s) const {
        for (std::size_t i = 0; i < g.size(); ++i)
            s[i] = g[i] > T(0) ? T(lower) : T(upper);
    }
    //! True if \f$ x \in C \f$ up to the relative tolerance `tol`.
    template <class T>
    bool contains(std::span<const T> x, const T& tol) const {
        const T w = tol * (1 + T(upper) - T(lower));
        for (const auto& v : x)
            if (v < T(lower) - w || v > T(upper) + w)
                return false;
        return true;
    }
};

//! \brief An oracle usable by frank_wolfe.
template <class O, class T>
concept linear_minimization_oracle = requires(const O& o, std::span<const T> g, std::span<T> s,
                                              const T& tol) {
    o.validate();
    o.lmo(g, s);
    { o.contains(g, tol) } -> std::convertible_to<bool>;
};

//! \brief An oracle over a polytope with indexed vertices, usable by away_step_frank_wolfe.
template <class O, class T>
concept polytope_oracle = linear_minimization_oracle<O, T> &&
    requires(const O& o, std::size_t i, std::span<const T> g, std::span<T> x, const T& w) {
    { o.vertex_count(i) } -> std::convertible_to<std::size_t>;
    { o.lmo_vertex(g) } -> std::convertible_to<std::size_t>;
    { o.vertex_dot(i, g) } -> std::convertible_to<T>;
    o.add_vertex(i, w, x);
    { o.decompose(g) } -> std::convertible_to<std::vector<T>>;
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_ORACLES_HPP
