#ifndef NABLA_SOLVERS_LBFGS_HPP
#define NABLA_SOLVERS_LBFGS_HPP

//! \file
//! \brief Limited-memory BFGS (two-loop recursion) with a strong Wolfe line search.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/strong_wolfe.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace nabla::solvers {

namespace detail {

//! Elements per SIMD batch of `T` (1 for scalars without SIMD support).
template <class T, bool = simd_scalar<T>>
struct simd_width {
    static constexpr std::size_t value = 1;
};
#if NABLA_SOLVERS_HAS_XSIMD
template <class T>
struct simd_width<T, true> {
    static constexpr std::size_t value = xsimd::batch<T>::size;
};
#endif

//! \brief The L-BFGS memory: the last \f$ m \f$ pairs \f$ (s_i, y_i) \f$, \f$ \rho_i = 1/s_i^\top
//! y_i \f$, \f$ \gamma = s^\top y / y^\top y \f$ of the newest pair, and the two-loop recursion.
//!
//! Storage is one buffer of \f$ m + 1 \f$ slots used as a ring: the pairs, newest first, and one
//! spare slot into which the driver writes the next pair (next_pair()); update() then only
//! advances the ring, or leaves the spare slot spare if the pair is skipped, so no vector is
//! copied. For float and double each vector is padded with zeros to a whole number of SIMD
//! batches and 64-byte aligned, and the recursion makes \f$ 2c + 1 \f$ passes over the data for
//! \f$ c \f$ stored pairs instead of \f$ 4c + 2 \f$: \f$ q = -g \f$ with \f$ s_{\text{newest}}^\top
//! q \f$, then every pass does one update \f$ q \mathrel{+}= c\,v \f$ and the dot product the next
//! step needs (the scaling by \f$ \gamma \f$ and \f$ y_{\text{oldest}}^\top q \f$ at the turn),
//! each dot product with four accumulators; the last pass writes \f$ d \f$ and forms \f$ g^\top d
//! \f$ for the line search. Per stored pair and loop a pass reads three vectors and writes one
//! (the first and the turn read two): \f$ (8c + 2)n \f$ elements streamed for \f$ c \f$ pairs.
//! For other scalars the passes are plain loops with the rounding of the textbook recursion.
template <class T>
class lbfgs_memory {
public:
    //! Room for `m` pairs of vectors of size `n`.
    lbfgs_memory(std::size_t n, std::size_t m)
        : n_(n), stride_(padded(n)), m_(m), buf_(2 * (m + 1) * stride_ + extra, T(0)),
          base_(aligned(buf_.data())), rho_(m + 1), a_(m + 1), q_(simd ? stride_ + extra : 0) {}

    //! Writes \f$ d = -H g \f$ and \f$ g^\top d \f$ to `dg`; returns the first trial step: 1,
    //! or \f$ 1/\max(1,\|g\|) \f$ while the memory is empty.
    T direction(std::span<const T> g, std::span<T> d, T& dg) {
        if (count_ == 0) {
            for (std::size_t i = 0; i < n_; ++i)
                d[i] = -g[i];
            dg = dot<T>(g, std::span<const T>(d));
            const T gn = norm2<T>(g);
            return T(1) / (gn > T(1) ? gn : T(1));
        }
        T* q = simd ? aligned(q_.data()) : d.data();
        const std::size_t last = count_ - 1;
        // loop 1, newest to oldest: a_i = rho_i s_i'q, q -= a_i y_i
        std::size_t k = newest();
        T r = first_pass(q, g.data(), s(k));
        for (std::size_t j = 0;; ++j) {
            a_[k] = rho_[k] * r;
            if (j == last) // the turn: q = gamma (q - a_k y_k), then y_k'q
                break;
            const std::size_t next = older(k);
            r = pass<false>(q, -a_[k], y(k), T(0), s(next));
            k = next;
        }
        r = pass<true>(q, -a_[k], y(k), gamma_, y(k));
        // loop 2, oldest to newest: b = rho_i y_i'q, q += (a_i - b) s_i
        for (std::size_t j = 0; j < last; ++j) {
            const std::size_t next = newer(k);
            r = pass<false>(q, a_[k] - rho_[k] * r, s(k), T(0), y(next));
            k = next;
        }
        dg = last_pass(q, a_[k] - rho_[k] * r, s(k), g.data(), d.data());
        return T(1);
    }

    //! Where the next pair goes: spans of size \f$ n \f$ for \f$ s \f$ and \f$ y \f$ (the spare
    //! slot). Writing them and passing them to update() stores the pair without a copy.
    std::pair<std::span<T>, std::span<T>> next_pair() {
        return {std::span<T>(s(head_), n_), std::span<T>(y(head_), n_)};
    }

    //! Adds the pair \f$ (s, y) \f$ with \f$ s^\top y \f$ and \f$ y^\top y \f$ given, unless
    //! \f$ s^\top y \le \varepsilon\, y^\top y \f$ or either is NaN/Inf: then the pair is skipped
    //! (curvature condition violated) and \f$ H \f$ stays positive definite.
    void update(std::span<const T> sv, std::span<const T> yv, const T& sy, const T& yy) {
        if (!(sy > std::numeric_limits<T>::epsilon() * yy) || !is_finite(sy) || !is_finite(yy))
            return;
        if (sv.data() != s(head_))
            std::copy(sv.begin(), sv.end(), s(head_));
        if (yv.data() != y(head_))
            std::copy(yv.begin(), yv.end(), y(head_));
        rho_[head_] = T(1) / sy;
        gamma_ = sy / yy;
        head_ = head_ == m_ ? 0 : head_ + 1;
        if (count_ < m_)
            ++count_;
    }
    //! Adds the pair \f$ (s, y) \f$ (see the other overload).
    void update(std::span<const T> sv, std::span<const T> yv) {
        update(sv, yv, dot<T>(sv, yv), dot<T>(yv, yv));
    }
    //! Forgets all pairs.
    void reset() {
        count_ = 0;
        head_ = 0;
    }
    //! The number of stored pairs.
    [[nodiscard]] std::size_t size() const noexcept { return count_; }

private:
    static constexpr bool simd = simd_scalar<T>;
    static constexpr std::size_t width = simd_width<T>::value;
    static constexpr std::size_t align_bytes = 64;
    static constexpr std::size_t extra = simd ? align_bytes / sizeof(T) : 0;
    static std::size_t padded(std::size_t n) { return (n + width - 1) / width * width; }
    static T* aligned(T* p) {
        if constexpr (simd) {
            const auto a = reinterpret_cast<std::uintptr_t>(p);
            return p + ((align_bytes - a % align_bytes) % align_bytes) / sizeof(T);
        } else {
            return p;
        }
    }
    T* s(std::size_t k) { return base_ + 2 * k * stride_; }
    T* y(std::size_t k) { return base_ + (2 * k + 1) * stride_; }
    [[nodiscard]] std::size_t newest() const { return head_ == 0 ? m_ : head_ - 1; }
    [[nodiscard]] std::size_t older(std::size_t k) const { return k == 0 ? m_ : k - 1; }
    [[nodiscard]] std::size_t newer(std::size_t k) const { return k == m_ ? 0 : k + 1; }

    //! \f$ q = -g \f$; returns \f$ w^\top q \f$.
    T first_pass(T* q, const T* g, const T* w) {
        std::size_t i = 0;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            using batch = xsimd::batch<T>;
            const std::size_t nv = n_ / width * width;
            batch acc0(T(0)), acc1(T(0)), acc2(T(0)), acc3(T(0));
            for (; i + 4 * width <= nv; i += 4 * width) {
                const batch x0 = -xsimd::load_unaligned(g + i);
                const batch x1 = -xsimd::load_unaligned(g + i + width);
                const batch x2 = -xsimd::load_unaligned(g + i + 2 * width);
                const batch x3 = -xsimd::load_unaligned(g + i + 3 * width);
                x0.store_aligned(q + i);
                x1.store_aligned(q + i + width);
                x2.store_aligned(q + i + 2 * width);
                x3.store_aligned(q + i + 3 * width);
                acc0 = xsimd::fma(xsimd::load_aligned(w + i), x0, acc0);
                acc1 = xsimd::fma(xsimd::load_aligned(w + i + width), x1, acc1);
                acc2 = xsimd::fma(xsimd::load_aligned(w + i + 2 * width), x2, acc2);
                acc3 = xsimd::fma(xsimd::load_aligned(w + i + 3 * width), x3, acc3);
            }
            for (; i < nv; i += width) {
                const batch x = -xsimd::load_unaligned(g + i);
                x.store_aligned(q + i);
                acc0 = xsimd::fma(xsimd::load_aligned(w + i), x, acc0);
            }
            if (nv < n_) { // the last, partial batch: the padding of q is set to 0 here
                for (std::size_t j = nv; j < stride_; ++j)
                    q[j] = j < n_ ? -g[j] : T(0);
                acc1 = xsimd::fma(xsimd::load_aligned(w + nv), xsimd::load_aligned(q + nv), acc1);
            }
            return xsimd::hadd((acc0 + acc1) + (acc2 + acc3));
        }
#endif
        T r = T(0);
        for (; i < n_; ++i) {
            q[i] = -g[i];
            r += w[i] * q[i];
        }
        return r;
    }

    //! \f$ q \leftarrow q + c\,v \f$ (then \f$ q \leftarrow \gamma q \f$ if `Scale`); returns
    //! \f$ w^\top q \f$. Works on the padded length: the padding stays 0.
    template <bool Scale>
    T pass(T* q, const T& c, const T* v, const T& gamma, const T* w) {
        std::size_t i = 0;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            using batch = xsimd::batch<T>;
            const batch bc(c), bg(gamma);
            const std::size_t np = stride_;
            auto step = [&](std::size_t k) {
                batch x = xsimd::fma(bc, xsimd::load_aligned(v + k), xsimd::load_aligned(q + k));
                if constexpr (Scale)
                    x = bg * x;
                x.store_aligned(q + k);
                return x;
            };
            batch acc0(T(0)), acc1(T(0)), acc2(T(0)), acc3(T(0));
            for (; i + 4 * width <= np; i += 4 * width) {
                const batch x0 = step(i), x1 = step(i + width), x2 = step(i + 2 * width),
                            x3 = step(i + 3 * width);
                acc0 = xsimd::fma(xsimd::load_aligned(w + i), x0, acc0);
                acc1 = xsimd::fma(xsimd::load_aligned(w + i + width), x1, acc1);
                acc2 = xsimd::fma(xsimd::load_aligned(w + i + 2 * width), x2, acc2);
                acc3 = xsimd::fma(xsimd::load_aligned(w + i + 3 * width), x3, acc3);
            }
            // at most three batches left: on separate accumulators (short chains for small n)
            if (i < np) {
                acc0 = xsimd::fma(xsimd::load_aligned(w + i), step(i), acc0);
                if ((i += width) < np) {
                    acc1 = xsimd::fma(xsimd::load_aligned(w + i), step(i), acc1);
                    if ((i += width) < np)
                        acc2 = xsimd::fma(xsimd::load_aligned(w + i), step(i), acc2);
                }
            }
            return xsimd::hadd((acc0 + acc1) + (acc2 + acc3));
        }
#endif
        T r = T(0);
        for (; i < n_; ++i) {
            q[i] = q[i] + c * v[i];
            if constexpr (Scale)
                q[i] = gamma * q[i];
            r += w[i] * q[i];
        }
        return r;
    }

    //! \f$ d = q + c\,v \f$ (with `q` = `d` for non-SIMD scalars); returns \f$ g^\top d \f$.
    T last_pass(const T* q, const T& c, const T* v, const T* g, T* d) {
        std::size_t i = 0;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            using batch = xsimd::batch<T>;
            const batch bc(c);
            const std::size_t nv = n_ / width * width;
            batch acc0(T(0)), acc1(T(0));
            for (; i + 2 * width <= nv; i += 2 * width) {
                const batch x0 =
                    xsimd::fma(bc, xsimd::load_aligned(v + i), xsimd::load_aligned(q + i));
                const batch x1 = xsimd::fma(bc, xsimd::load_aligned(v + i + width),
                                            xsimd::load_aligned(q + i + width));
                x0.store_unaligned(d + i);
                x1.store_unaligned(d + i + width);
                acc0 = xsimd::fma(xsimd::load_unaligned(g + i), x0, acc0);
                acc1 = xsimd::fma(xsimd::load_unaligned(g + i + width), x1, acc1);
            }
            if (i < nv) {
                const batch x =
                    xsimd::fma(bc, xsimd::load_aligned(v + i), xsimd::load_aligned(q + i));
                x.store_unaligned(d + i);
                acc0 = xsimd::fma(xsimd::load_unaligned(g + i), x, acc0);
            }
            if (nv < n_) { // through the padded q (and a zero-padded copy of g's tail)
                alignas(align_bytes) T tail[width];
                alignas(align_bytes) T gt[width];
                const batch x =
                    xsimd::fma(bc, xsimd::load_aligned(v + nv), xsimd::load_aligned(q + nv));
                x.store_aligned(tail);
                for (std::size_t j = 0; j < width; ++j) {
                    gt[j] = nv + j < n_ ? g[nv + j] : T(0);
                    if (nv + j < n_)
                        d[nv + j] = tail[j];
                }
                acc1 = xsimd::fma(xsimd::load_aligned(gt), x, acc1);
            }
            return xsimd::hadd(acc0 + acc1);
        }
#endif
        T r = T(0);
        for (; i < n_; ++i) {
            d[i] = q[i] + c * v[i];
            r += g[i] * d[i];
        }
        return r;
    }

    std::size_t n_, stride_, m_;
    std::vector<T> buf_;
    T* base_;
    std::vector<T> rho_, a_, q_;
    std::size_t head_ = 0, count_ = 0;
    T gamma_ = T(1);
};

} // namespace detail

//! \brief Parameters of lbfgs.
struct lbfgs_params {
    stopping_params stop{}; //!< stopping tests (default: gtol_rel 1e-8, 1000 iterations)
    std::size_t m = 6;      //!< history length \f$ m \ge 1 \f$ (default 6)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_at_least_one("lbfgs_params::m", m);
    }
};

//! \brief L-BFGS: \f$ x_{k+1} = x_k - \alpha_k H_k \nabla f(x_k) \f$ where \f$ H_k \f$ is the
//! BFGS inverse-Hessian built from the last \f$ m \f$ pairs \f$ s_i = x_{i+1}-x_i \f$,
//! \f$ y_i = g_{i+1}-g_i \f$ on top of \f$ H^0 = \frac{s^\top y}{y^\top y} I \f$, applied by the
//! two-loop recursion in \f$ O(mn) \f$.
//!
//! Pairs with \f$ s^\top y \le \varepsilon\, y^\top y \f$ are skipped, so \f$ H_k \f$ stays
//! positive definite. The default choice for smooth unconstrained problems of any size.
//! \code
//! auto r = nabla::solvers::lbfgs{{.m = 10}}.minimize(f, std::array{-1.2, 1.0});
//! \endcode
template <class LineSearch = strong_wolfe>
class lbfgs {
public:
    lbfgs_params params{};    //!< parameters
    LineSearch line_search{}; //!< line-search policy

    constexpr lbfgs() = default;
    //! From parameters and optionally a line search.
    constexpr explicit lbfgs(lbfgs_params p, LineSearch ls = {}) : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        return detail::run_line_search_method<T>(
            f, x0, cb, params, line_search,
            [&](std::size_t n) { return two_loop<T>(n, params.m); });
    }

private:
    //! The direction policy of the descent driver.
    template <class T>
    struct two_loop : detail::lbfgs_memory<T> {
        using detail::lbfgs_memory<T>::lbfgs_memory;
        template <class S>
        T direction(S&, std::span<const T>, std::span<const T> g, std::span<T> d, T& dg) {
            return detail::lbfgs_memory<T>::direction(g, d, dg);
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LBFGS_HPP
