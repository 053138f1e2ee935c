#ifndef NABLA_SOLVERS_DETAIL_LBFGS_MEMORY_HPP
#define NABLA_SOLVERS_DETAIL_LBFGS_MEMORY_HPP

//! \file
//! \brief The L-BFGS memory and its product with the gradient, in the compact representation
//! of Byrd, Nocedal and Schnabel (Math. Programming 63, 1994).

#include <nabla/solvers/vector_ops.hpp>
#if NABLA_SOLVERS_HAS_XSIMD
#include <nabla/simd_row_sums.hpp>
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace nabla::solvers::detail {

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

//! \brief The L-BFGS memory: the last \f$ c \le m \f$ pairs \f$ (s_i, y_i) \f$, their inner
//! products, and \f$ d = -Hg \f$ for the inverse-Hessian approximation they define.
//!
//! \f$ H \f$ is the BFGS matrix built from the pairs on top of \f$ H^0 = \gamma I \f$,
//! \f$ \gamma = s^\top y / y^\top y \f$ of the newest pair, the matrix the two-loop recursion
//! applies. It is applied in its compact form: with \f$ S = [s_1 \ldots s_c] \f$,
//! \f$ Y = [y_1 \ldots y_c] \f$ (oldest first), \f$ R \f$ the upper triangle of \f$ S^\top Y \f$
//! and \f$ D \f$ its diagonal,
//! \f[ a = S^\top g,\quad b = Y^\top g,\quad t = R^{-1} a,\quad u = R^{-\top}\big((D +
//!     \gamma Y^\top Y)\,t - \gamma b\big),\quad H g = \gamma g + S u - \gamma Y t. \f]
//! The two-loop recursion makes \f$ 2c + 1 \f$ passes over the vectors, each waiting for the
//! inner product of the one before; here one pass forms all \f$ 2c \f$ inner products
//! independently, three products with \f$ c \times c \f$ matrices follow (\f$ R^{-1} \f$ is
//! kept), and one pass writes \f$ d \f$ (with \f$ g^\top d \f$ for the line search). That is
//! \f$ (4c + 3)n \f$ elements streamed instead of \f$ (8c + 2)n \f$, and no chain of
//! reductions: for small \f$ n \f$ the recursion's cost was that latency. \f$ R^{-1} \f$ and
//! \f$ Y^\top Y \f$ gain a column per new pair, from differences of inner products the passes
//! form anyway (see inner_products()); of \f$ R \f$ only the diagonal \f$ D \f$ is kept.
//!
//! Storage is one buffer of \f$ m + 1 \f$ slots used as a ring; the spare slot receives the next
//! pair (next_pair()), and update() only advances the ring, so no vector is copied. For float
//! and double the vectors are zero-padded to whole SIMD batches and 64-byte aligned; other
//! scalars (e.g. Boost.Multiprecision numbers) use plain loops.
template <class T>
class lbfgs_memory {
public:
    //! Room for `m` pairs of vectors of size `n`.
    lbfgs_memory(std::size_t n, std::size_t m)
        : n_(n), stride_(padded(n)), m_(m), ld_(std::max(2 * m, width)), slot_(ld_),
          pointers_(2 * m) {
        // one allocation for the pairs and every small array (a run at small n is short)
        const std::size_t square = ld_ * ld_ + width, pairs = 2 * (m + 1) * stride_ + extra,
                          accumulators = simd ? padded(2 * m) * width + extra : 0;
        const std::size_t sizes[] = {pairs,
                                     square,
                                     square,
                                     square,
                                     ld_ + width,
                                     ld_,
                                     ld_,
                                     padded(2 * m) + width,
                                     accumulators,
                                     padded(m),
                                     padded(m),
                                     padded(m),
                                     m};
        std::size_t total = 0;
        for (std::size_t size : sizes)
            total += size;
        buf_.assign(total, T(0));
        T* next = buf_.data();
        T** const parts[] = {&base_, &ri_,  &rit_, &yy_, &diag_, &previous_a_, &previous_b_,
                             &dots_, &acc_, &t_,   &w_,  &u_,    &r_column_};
        for (std::size_t k = 0; k < std::size(sizes); ++k) {
            *parts[k] = next;
            next += sizes[k];
        }
        base_ = aligned(base_);
        sp_ = pointers_.data();
        yp_ = sp_ + m;
    }
    // the arrays point into buf_: a copy would share them (a move keeps them valid)
    lbfgs_memory(const lbfgs_memory&) = delete;
    lbfgs_memory& operator=(const lbfgs_memory&) = delete;
    lbfgs_memory(lbfgs_memory&&) noexcept = default;
    lbfgs_memory& operator=(lbfgs_memory&&) noexcept = default;

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
        for (std::size_t j = 0; j < count_; ++j) {
            sp_[j] = s(slot(j));
            yp_[j] = y(slot(j));
        }
        // g's elements after its last whole batch, zero-padded: whole batches throughout (a
        // conditional copy, not std::copy: that became a memmove call, costly at small n)
        alignas(align_bytes) T tail[width];
        const std::size_t nv = n_ / width * width;
        for (std::size_t k = 0; k < width; ++k)
            tail[k] = nv + k < n_ ? g[nv + k] : T(0);
        inner_products(g.data(), tail);
        solve();
        dg = combine(g.data(), tail, d.data());
        return T(1);
    }

    //! Where the next pair goes: spans of size \f$ n \f$ for \f$ s \f$ and \f$ y \f$ (the spare
    //! slot). Writing them and passing them to update() stores the pair without a copy.
    std::pair<std::span<T>, std::span<T>> next_pair() {
        return {std::span<T>(s(head_), n_), std::span<T>(y(head_), n_)};
    }

    //! Adds the pair \f$ (s, y) \f$ with \f$ s^\top y \f$ and \f$ y^\top y \f$ given, unless
    //! \f$ s^\top y \le \varepsilon\, y^\top y \f$ or either is NaN/Inf: then the pair is skipped
    //! (curvature condition violated) and \f$ H \f$ stays positive definite. The new pair's
    //! products with the older ones come from the next direction(): as differences of inner
    //! products if \f$ y = g_{k+1} - g_k \f$ with \f$ g_k \f$ the gradient the last direction()
    //! saw (the descent loop's use), else directly (after reset() or two updates in a row).
    void update(std::span<const T> sv, std::span<const T> yv, const T& sy, const T& yy) {
        if (!(sy > std::numeric_limits<T>::epsilon() * yy) || !is_finite(sy) || !is_finite(yy))
            return;
        if (pending_) { // two updates in a row: the previous pair's column by its own products
            form_column(count_ - 1);
            pending_ = false;
        }
        if (sv.data() != s(head_))
            std::copy(sv.begin(), sv.end(), s(head_));
        if (yv.data() != y(head_))
            std::copy(yv.begin(), yv.end(), y(head_));
        if (count_ == m_) { // forget the oldest pair: the window moves on
            ++w0_;
            --count_;
        }
        if (w0_ + count_ == ld_)
            rewind();
        const std::size_t p = count_++;
        slot(p) = head_;
        diag()[p] = sy;
        yty()[p * ld_ + p] = yy;
        ri()[p * ld_ + p] = rit()[p * ld_ + p] = T(1) / sy;
        gamma_ = sy / yy;
        head_ = head_ == m_ ? 0 : head_ + 1;
        // the new columns of R and Y'Y: from differences in the next direction() if the last
        // one saw the older pairs, else now, by their own inner products
        pending_ = previous_ && p > 0;
        previous_ = false;
        if (p > 0 && !pending_)
            form_column(p);
    }
    //! Adds the pair \f$ (s, y) \f$ (see the other overload).
    void update(std::span<const T> sv, std::span<const T> yv) {
        update(sv, yv, dot<T>(sv, yv), dot<T>(yv, yv));
    }
    //! Forgets all pairs.
    void reset() {
        count_ = 0;
        head_ = 0;
        w0_ = 0;
        pending_ = false;
        previous_ = false;
    }
    //! The number of stored pairs.
    [[nodiscard]] std::size_t size() const noexcept { return count_; }

private:
    static constexpr bool simd = simd_scalar<T>;
    static constexpr std::size_t width = simd_width<T>::value;
    static constexpr std::size_t align_bytes = 64;
    static constexpr std::size_t extra = simd ? align_bytes / sizeof(T) : 0;
    //! Elements per block of the inner-product pass for more than max_fixed pairs: \f$ g \f$
    //! stays in L1 while every stored vector streams past it once.
    static constexpr std::size_t block = 1024;
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

    // The small matrices are kept by position (0 the oldest pair) in a window of a larger
    // array: element (i, j) of R^-1 at ri()[j * ld_ + i]. Forgetting the oldest pair moves the
    // window one step down the diagonal; rewind() moves it back once every m steps, so no
    // matrix is shifted at every update. The leading dimension is at least 2m and at least a
    // batch: a batch read or written from a column's first window row then reaches past the
    // column only into rows above the window, and the zeros below the diagonal stay zero.
    T* ri() { return ri_ + w0_ * (ld_ + 1); }
    T* rit() { return rit_ + w0_ * (ld_ + 1); }
    T* yty() { return yy_ + w0_ * (ld_ + 1); }
    T* diag() { return diag_ + w0_; }
    std::size_t& slot(std::size_t j) { return slot_[w0_ + j]; }
    T* previous_a() { return previous_a_ + w0_; }
    T* previous_b() { return previous_b_ + w0_; }
    void rewind() {
        // element loops: std::copy_n became memmove calls, 25 of them, costly at small m
        const std::size_t c = count_, w0 = w0_, ld = ld_;
        for (T* mat : {ri_, rit_, yy_})
            for (std::size_t j = 0; j < c; ++j)
                for (std::size_t i = 0; i < c; ++i)
                    mat[j * ld + i] = mat[(w0 + j) * ld + w0 + i];
        for (std::size_t i = 0; i < c; ++i) { // a destination ends before its source begins
            diag_[i] = diag_[w0 + i];
            slot_[i] = slot_[w0 + i];
            previous_a_[i] = previous_a_[w0 + i];
            previous_b_[i] = previous_b_[w0 + i];
        }
        w0_ = 0;
    }

    //! dots_[j], dots_[c + j]: \f$ a_j = s_j^\top g \f$, \f$ b_j = y_j^\top g \f$ for every
    //! stored pair \f$ j \f$ (oldest first). After update() it also completes the new columns
    //! of \f$ R^{-1} \f$ and \f$ Y^\top Y \f$: \f$ s_j^\top y_{\text{new}} \f$ and
    //! \f$ y_j^\top y_{\text{new}} \f$ are, as Byrd, Nocedal and Schnabel form them,
    //! differences of the products with \f$ g_{k+1} \f$ and \f$ g_k \f$ (their error,
    //! \f$ \varepsilon \|s_j\| \|g\| \f$, is that of \f$ y_{\text{new}} \f$ itself). When the
    //! last call saw other pairs, update() forms them directly instead (form_column()). `tail`
    //! holds g's elements after its last whole batch, zero-padded.
    void inner_products(const T* g, const T* tail) {
        const std::size_t c = count_, last = c - 1;
        T* const dots = dots_;
        std::size_t i = 0;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            using batch = xsimd::batch<T>;
            const std::size_t nv = n_ / width * width;
            T* const acc = aligned(acc_); // one batch per inner product
            const bool fixed = with_fixed_count(
                c, [&](auto cc) { products_fixed<decltype(cc)::value>(g, tail, acc); });
            for (std::size_t i0 = 0; !fixed && (i0 < nv || i0 == 0); i0 += block) {
                const std::size_t i1 = std::min(nv, i0 + block);
                for (std::size_t j = 0; j < c; ++j) {
                    const T* sj = sp_[j];
                    const T* yj = yp_[j];
                    // four chains per product: a pass over one pair is not one long chain
                    batch s0(T(0)), s1(T(0)), s2(T(0)), s3(T(0));
                    batch y0(T(0)), y1(T(0)), y2(T(0)), y3(T(0));
                    auto step = [&](std::size_t k, batch& sa, batch& ya) {
                        const batch gv = xsimd::load_unaligned(g + k);
                        sa = xsimd::fma(xsimd::load_aligned(sj + k), gv, sa);
                        ya = xsimd::fma(xsimd::load_aligned(yj + k), gv, ya);
                    };
                    std::size_t k = i0;
                    for (; k + 4 * width <= i1; k += 4 * width) {
                        step(k, s0, y0);
                        step(k + width, s1, y1);
                        step(k + 2 * width, s2, y2);
                        step(k + 3 * width, s3, y3);
                    }
                    if (k < i1) { // at most three batches left
                        step(k, s0, y0);
                        if ((k += width) < i1) {
                            step(k, s1, y1);
                            if ((k += width) < i1)
                                step(k, s2, y2);
                        }
                    }
                    batch sv = (s0 + s1) + (s2 + s3);
                    batch yv = (y0 + y1) + (y2 + y3);
                    if (i0 != 0) {
                        sv += xsimd::load_aligned(acc + j * width);
                        yv += xsimd::load_aligned(acc + (c + j) * width);
                    }
                    sv.store_aligned(acc + j * width);
                    yv.store_aligned(acc + (c + j) * width);
                }
            }
            // width sums at a time (rows past 2c are stale and unused), unless products_fixed
            // formed them already
            if (!(fixed && c <= width)) {
                batch group[width];
                for (std::size_t q = 0; q < 2 * c; q += width) {
                    for (std::size_t e = 0; e < width; ++e)
                        group[e] = xsimd::load_aligned(acc + (q + e) * width);
                    nabla::detail::row_sums(group).store_unaligned(dots + q);
                }
            }
            i = fixed ? n_ : nv;
        } else
#endif
        {
            (void)tail;
            std::fill(dots, dots + 2 * c, T(0));
        }
        // the elements after the last whole batch (all of them for non-SIMD scalars)
        for (std::size_t j = 0; i < n_ && j < c; ++j) {
            const T* sj = sp_[j];
            const T* yj = yp_[j];
            T sg = dots[j], yg = dots[c + j];
            for (std::size_t k = i; k < n_; ++k) {
                sg += sj[k] * g[k];
                yg += yj[k] * g[k];
            }
            dots[j] = sg;
            dots[c + j] = yg;
        }
        T* const pa = previous_a();
        T* const pb = previous_b();
        if (pending_) { // s_j'y_new = s_j'g_{k+1} - s_j'g_k, y_j'y_new likewise
            for (std::size_t j = 0; j < last; ++j) {
                r_column_[j] = dots[j] - pa[j];
                yty()[last * ld_ + j] = yty()[j * ld_ + last] = dots[c + j] - pb[j];
            }
            complete_inverse(last);
            pending_ = false;
        }
        for (std::size_t j = 0; j < c; ++j) { // (std::copy_n: a memmove call, costly at small c)
            pa[j] = dots[j];
            pb[j] = dots[c + j];
        }
        previous_ = true;
    }

    //! Column \f$ p \f$ of \f$ Y^\top Y \f$ and of \f$ R^{-1} \f$ (through that of \f$ R \f$)
    //! from inner products of the stored vectors.
    void form_column(std::size_t p) {
        const std::span<const T> yp(y(slot(p)), n_);
        for (std::size_t j = 0; j < p; ++j) {
            r_column_[j] = dot<T>(std::span<const T>(s(slot(j)), n_), yp);
            yty()[p * ld_ + j] = yty()[j * ld_ + p] =
                dot<T>(std::span<const T>(y(slot(j)), n_), yp);
        }
        complete_inverse(p);
    }

    //! Column \f$ p \f$ of \f$ R^{-1} \f$ from column \f$ p \f$ of \f$ R \f$ (r_column_:
    //! entries \f$ r \f$ above the diagonal \f$ \rho \f$) and the leading block of
    //! \f$ R^{-1} \f$; \f$ R \f$ itself is not kept:
    //! the inverse of \f$ \begin{pmatrix} R & r \\ 0 & \rho \end{pmatrix} \f$ has the column
    //! \f$ -R^{-1} r / \rho \f$ above \f$ 1/\rho \f$ (already set); also row \f$ p \f$ of
    //! \f$ R^{-\top} \f$.
    void complete_inverse(std::size_t p) {
        const T* const rc = r_column_;
        T* const rim = ri();
        T* const ric = rim + p * ld_;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            if (p < width) { // -(sum_j r_j (column j of R^-1)) / rho on one batch
                using batch = xsimd::batch<T>;
                const T inv = ric[p];
                batch even(T(0)), odd(T(0));
                std::size_t j = 0;
                for (; j + 2 <= p; j += 2) {
                    even = xsimd::fma(batch(rc[j]), xsimd::load_unaligned(rim + j * ld_), even);
                    odd = xsimd::fma(batch(rc[j + 1]), xsimd::load_unaligned(rim + (j + 1) * ld_),
                                     odd);
                }
                if (j < p)
                    even = xsimd::fma(batch(rc[j]), xsimd::load_unaligned(rim + j * ld_), even);
                // rows past p - 1 come out 0: below the diagonal, where they belong
                (batch(-inv) * (even + odd)).store_unaligned(ric);
                ric[p] = inv;
                T* const rt = rit();
                for (std::size_t i = 0; i < p; ++i)
                    rt[i * ld_ + p] = ric[i];
                return;
            }
        }
#endif
        for (std::size_t i = 0; i < p; ++i) {
            T v = T(0);
            for (std::size_t j = i; j < p; ++j)
                v += rim[j * ld_ + i] * rc[j];
            ric[i] = -v * ric[p];
            rit()[i * ld_ + p] = ric[i];
        }
    }

    //! The small products of the compact form: \f$ t = R^{-1} a \f$,
    //! \f$ u = R^{-\top}((D + \gamma Y^\top Y) t - \gamma b) \f$, leaving the coefficients of
    //! combine() in u_ (\f$ -u \f$) and t_ (\f$ \gamma t \f$). Products with the kept inverse,
    //! not substitutions: every entry is an independent sum, so they cost three short chains
    //! of multiply-adds, not one long one.
    void solve() {
        const std::size_t c = count_, ld = ld_;
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            // (only counts up to a batch are instantiated: solve_fixed holds a vector in one)
            if (with_fixed_count<std::min(width, max_fixed)>(
                    c, [&](auto cc) { solve_fixed<decltype(cc)::value>(); }))
                return;
        }
#endif
        const T* const ri = this->ri();
        const T* const yy = yty();
        const T* const a = dots_;
        const T* const b = a + c;
        for (std::size_t i = 0; i < c; ++i) {
            T v = T(0);
            for (std::size_t j = i; j < c; ++j)
                v += ri[j * ld + i] * a[j];
            t_[i] = v;
        }
        for (std::size_t i = 0; i < c; ++i) {
            T v = T(0);
            for (std::size_t j = 0; j < c; ++j)
                v += yy[j * ld + i] * t_[j];
            w_[i] = diag()[i] * t_[i] + gamma_ * (v - b[i]);
        }
        for (std::size_t i = 0; i < c; ++i) {
            T v = T(0);
            for (std::size_t j = 0; j <= i; ++j)
                v += ri[i * ld + j] * w_[j];
            u_[i] = -v;
        }
        for (std::size_t i = 0; i < c; ++i)
            t_[i] = gamma_ * t_[i];
    }

#if NABLA_SOLVERS_HAS_XSIMD
    //! Pair counts up to which the passes are compiled for the count: then the products'
    //! accumulators and combine()'s coefficients live in registers, and each pass reads
    //! \f$ g \f$ once for all pairs.
    static constexpr std::size_t max_fixed = 8;

    //! Calls `f(std::integral_constant<std::size_t, c>{})` if \f$ 1 \le c \le \f$ `Max`;
    //! returns whether it did.
    template <std::size_t Max = max_fixed, class F>
    static bool with_fixed_count(std::size_t c, F&& f) {
        return [&]<std::size_t... C>(std::index_sequence<C...>) {
            return ((c == C + 1 && (f(std::integral_constant<std::size_t, C + 1>{}), true)) || ...);
        }
        (std::make_index_sequence<Max>{});
    }

    //! solve() for \f$ C \le \f$ width pairs, one batch per vector: each product is a sum of
    //! \f$ C \f$ columns (of \f$ R^{-1} \f$, \f$ Y^\top Y \f$, \f$ R^{-\top} \f$) scaled by
    //! broadcast entries. Entries past \f$ C \f$ in a column are zero (below the diagonal of
    //! \f$ R^{-1} \f$ and \f$ R^{-\top} \f$) or unused.
    template <std::size_t C>
    void solve_fixed() {
        using batch = xsimd::batch<T>;
        const std::size_t ld = ld_;
        const T* const ri = this->ri();
        const T* const rt = rit();
        const T* const yy = yty();
        const T* const a = dots_;
        alignas(align_bytes) T tv[width];
        alignas(align_bytes) T wv[width];
        // a sum of C scaled columns, on two chains
        auto columns = [&](const T* mat, const T* coef) {
            batch sum[2] = {batch(T(0)), batch(T(0))};
            [&]<std::size_t... J>(std::index_sequence<J...>) {
                ((sum[J % 2] =
                      xsimd::fma(batch(coef[J]), xsimd::load_unaligned(mat + J * ld), sum[J % 2])),
                 ...);
            }
            (std::make_index_sequence<C>{});
            return sum[0] + sum[1];
        };
        const batch t = columns(ri, a);
        t.store_aligned(tv);
        const batch w =
            xsimd::fma(xsimd::load_unaligned(diag()), t,
                       batch(gamma_) * (columns(yy, tv) - xsimd::load_unaligned(a + C)));
        w.store_aligned(wv);
        (-columns(rt, wv)).store_unaligned(u_);
        (batch(gamma_) * t).store_unaligned(t_);
    }

    //! inner_products() for \f$ C \f$ pairs, `tail` the last batch of g (zero-padded). For
    //! \f$ C \le \f$ width the sums themselves into dots_, reduced in registers (a round trip of
    //! the partial sums through `acc` took half the time of a direction at n = 10); else the
    //! sums' batches into rows \f$ j \f$, \f$ C + j \f$ of `acc`.
    template <std::size_t C>
    void products_fixed(const T* g, const T* tail, T* acc) {
        const std::size_t nv = n_ / width * width;
        using batch = xsimd::batch<T>;
        [&]<std::size_t... J>(std::index_sequence<J...>) {
            // the accumulators and pointers are named by constants: registers, not an array
            batch sg[C] = {(void(J), batch(T(0)))...}, yg[C] = {(void(J), batch(T(0)))...};
            const T* const sp[C] = {sp_[J]...};
            const T* const yp[C] = {yp_[J]...};
            // (no lambda for the step: captured by reference, the accumulators left registers)
            for (std::size_t k = 0; k < nv; k += width) {
                const batch gv = xsimd::load_unaligned(g + k);
                ((sg[J] = xsimd::fma(xsimd::load_aligned(sp[J] + k), gv, sg[J]),
                  yg[J] = xsimd::fma(xsimd::load_aligned(yp[J] + k), gv, yg[J])),
                 ...);
            }
            if (nv < n_) { // the stored vectors are zero-padded
                const batch gv = xsimd::load_aligned(tail);
                ((sg[J] = xsimd::fma(xsimd::load_aligned(sp[J] + nv), gv, sg[J]),
                  yg[J] = xsimd::fma(xsimd::load_aligned(yp[J] + nv), gv, yg[J])),
                 ...);
            }
            if constexpr (C <= width) { // the sums straight from the registers
                const batch zero(T(0));
                [&]<std::size_t... K>(std::index_sequence<K...>) {
                    const batch rs[width] = {(K < C ? sg[K % C] : zero)...};
                    const batch ry[width] = {(K < C ? yg[K % C] : zero)...};
                    nabla::detail::row_sums(rs).store_unaligned(dots_);
                    nabla::detail::row_sums(ry).store_unaligned(dots_ + C);
                }
                (std::make_index_sequence<width>{});
            } else {
                (sg[J].store_aligned(acc + J * width), ...);
                (yg[J].store_aligned(acc + (C + J) * width), ...);
            }
        }
        (std::make_index_sequence<C>{});
    }

    //! combine() for \f$ C \f$ pairs, `tail` the last batch of g (zero-padded); returns the
    //! batch of partial sums of \f$ g^\top d \f$.
    template <std::size_t C>
    xsimd::batch<T> combine_fixed(const T* g, const T* tail, T* d) const {
        const std::size_t nv = n_ / width * width;
        using batch = xsimd::batch<T>;
        const batch ng(-gamma_);
        batch acc(T(0));
        [&]<std::size_t... J>(std::index_sequence<J...>) {
            // locals named by constants (registers); the stores to d could alias the members
            const batch cu[C] = {batch(u_[J])...}, ct[C] = {batch(t_[J])...};
            const T* const sp[C] = {sp_[J]...};
            const T* const yp[C] = {yp_[J]...};
            // (no lambda for the step: captured by reference, the locals left registers)
            for (std::size_t k = 0; k < nv; k += width) {
                const batch gv = xsimd::load_unaligned(g + k);
                batch ds = ng * gv, dy(T(0));
                ((ds = xsimd::fma(cu[J], xsimd::load_aligned(sp[J] + k), ds),
                  dy = xsimd::fma(ct[J], xsimd::load_aligned(yp[J] + k), dy)),
                 ...);
                const batch dv = ds + dy;
                dv.store_unaligned(d + k);
                acc = xsimd::fma(gv, dv, acc);
            }
            if (nv < n_) {
                const batch gv = xsimd::load_aligned(tail);
                batch ds = ng * gv, dy(T(0));
                ((ds = xsimd::fma(cu[J], xsimd::load_aligned(sp[J] + nv), ds),
                  dy = xsimd::fma(ct[J], xsimd::load_aligned(yp[J] + nv), dy)),
                 ...);
                const batch dv = ds + dy;
                alignas(align_bytes) T out[width];
                dv.store_aligned(out);
                for (std::size_t k = 0; k < width; ++k)
                    if (nv + k < n_)
                        d[nv + k] = out[k];
                acc = xsimd::fma(gv, dv, acc);
            }
        }
        (std::make_index_sequence<C>{});
        return acc;
    }
#endif

    //! \f$ d = -\gamma g + \sum_j (u_j s_j + t_j y_j) \f$ with the coefficients solve() left;
    //! returns \f$ g^\top d \f$.
    T combine(const T* g, const T* tail, T* d) {
        const std::size_t c = count_;
        const T* const u = u_;
        const T* const t = t_;
        std::size_t i = 0;
        T dg = T(0);
#if NABLA_SOLVERS_HAS_XSIMD
        if constexpr (simd) {
            using batch = xsimd::batch<T>;
            const batch ng(-gamma_);
            const std::size_t nv = n_ / width * width;
            auto at = [&](const batch& gv, std::size_t k) { // d over the batch at k
                batch ds = ng * gv, dy(T(0));
                for (std::size_t j = 0; j < c; ++j) {
                    ds = xsimd::fma(batch(u[j]), xsimd::load_aligned(sp_[j] + k), ds);
                    dy = xsimd::fma(batch(t[j]), xsimd::load_aligned(yp_[j] + k), dy);
                }
                return ds + dy;
            };
            batch acc0(T(0)), acc1(T(0));
            if (with_fixed_count(
                    c, [&](auto cc) { acc0 = combine_fixed<decltype(cc)::value>(g, tail, d); }))
                i = n_;
            for (; i + 2 * width <= nv; i += 2 * width) {
                const batch g0 = xsimd::load_unaligned(g + i);
                const batch g1 = xsimd::load_unaligned(g + i + width);
                const batch d0 = at(g0, i), d1 = at(g1, i + width);
                d0.store_unaligned(d + i);
                d1.store_unaligned(d + i + width);
                acc0 = xsimd::fma(g0, d0, acc0);
                acc1 = xsimd::fma(g1, d1, acc1);
            }
            if (i < nv) {
                const batch g0 = xsimd::load_unaligned(g + i);
                const batch d0 = at(g0, i);
                d0.store_unaligned(d + i);
                acc0 = xsimd::fma(g0, d0, acc0);
                i += width;
            }
            dg = xsimd::hadd(acc0 + acc1);
        }
#endif
        for (; i < n_; ++i) { // after the last whole batch (everything for non-SIMD scalars)
            T v = -gamma_ * g[i];
            for (std::size_t j = 0; j < c; ++j)
                v += u[j] * sp_[j][i] + t[j] * yp_[j][i];
            d[i] = v;
            dg += g[i] * v;
        }
        return dg;
    }

    std::size_t n_, stride_, m_, ld_;
    std::vector<std::size_t> slot_;  //!< the slot of the pair at each position (window)
    std::vector<const T*> pointers_; //!< sp_ and yp_
    std::vector<T> buf_;             //!< the slots of the pairs, then the arrays below
    T* base_ = nullptr;              //!< the first slot (aligned)
    T* ri_ = nullptr;                //!< \f$ R^{-1} \f$ (window: ri())
    T* rit_ = nullptr;               //!< \f$ R^{-\top} \f$ (window: rit())
    T* yy_ = nullptr;                //!< \f$ Y^\top Y \f$ (window: yty())
    T* diag_ = nullptr;              //!< \f$ D \f$, the diagonal of \f$ R \f$ (window: diag())
    T* previous_a_ = nullptr;        //!< \f$ a \f$ of the last direction() (window)
    T* previous_b_ = nullptr;        //!< \f$ b \f$ of the last direction() (window)
    T* dots_ = nullptr;              //!< the inner products \f$ a, b \f$
    T* acc_ = nullptr;               //!< their SIMD partial sums
    T *t_ = nullptr, *w_ = nullptr, *u_ = nullptr; //!< the small products' vectors
    T* r_column_ = nullptr;  //!< the new column of \f$ R \f$, above its diagonal
    const T** sp_ = nullptr; //!< \f$ s_j \f$ by position
    const T** yp_ = nullptr; //!< \f$ y_j \f$ by position
    std::size_t head_ = 0, count_ = 0, w0_ = 0;
    bool pending_ = false;  //!< the newest columns wait for the next inner_products()
    bool previous_ = false; //!< previous_a_, previous_b_ hold the products of the current pairs
    T gamma_ = T(1);
};

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_LBFGS_MEMORY_HPP
