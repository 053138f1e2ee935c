//! \file
//! \brief The computations of the nodes of a data program: reductions along a vector (dot
//! products, sums, log-sum-exp), matrix-vector products, element-wise functions, and adding a
//! group of rows to an accumulator, each in SIMD lanes.
#ifndef NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
#define NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP

#include <nabla/config.hpp>
#include <nabla/simd_row_sums.hpp>
#include <nabla/symbolic/data/node_storage.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace nabla::detail {

//! The node values of the program \p Program in scalar type \p T, for groups of \p Group rows,
//! and how each node is computed from its operands.
template <class T, class Program, std::size_t PoolSize, std::size_t Group>
struct node_values : node_storage<T, Program, PoolSize, Group> {
    using base = node_storage<T, Program, PoolSize, Group>;
    using base::cols;
    using base::group;
    using base::len;
    using base::per_row;
    using base::ptr;
    using base::scalar;
    using base::width;
    using typename base::batch;
    using typename base::row_batch;

    //! \f$ \sum_{k < n} t(k) \f$ for terms \f$ t \f$ given in lanes: `term.template
    //! operator()<L>(k)`.
    template <class Term>
    NABLA_ALWAYS_INLINE T reduce(std::size_t n, Term const& term) const {
        batch acc(T(0));
        T tail(0);
        for_each_lane<T>(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            if constexpr (width_v<L> == 1)
                tail += term.template operator()<L>(k);
            else
                acc += term.template operator()<L>(k);
        });
        if constexpr (width == 1) {
            return T(acc + tail);
        } else {
            return T(sum_lanes<T>(acc) + tail);
        }
    }

    //! \f$ \sum_k a_k b_k \f$ over \p n elements for row \p j (with \p B = `one_t`:
    //! \f$ \sum_k a_k \f$).
    template <class A, class B>
    NABLA_ALWAYS_INLINE T inner(std::size_t n, std::size_t j) const {
        return reduce(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            return L(this->template element<A, L>(k, j) * this->template element<B, L>(k, j));
        });
    }

    //! \f$ \sum_k (M)_{ik} x_k \f$: row \p i of \p M times \p X, over \p n columns.
    template <class M, class X>
    NABLA_ALWAYS_INLINE T row_times(std::size_t i, std::size_t n, std::size_t j) const {
        return reduce(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            return L(this->template element<M, L>(i, k, j) * this->template element<X, L>(k, j));
        });
    }

    //! \f$ a^\top b \f$ for the rows of the group at once: one accumulator batch per row,
    //! reduced together, rather than one horizontal sum per row.
    //!
    //! Row after row, each over four independent chains: the group is read in memory order, as
    //! one stream. Interleaving the rows (a few batches of each in turn) read a group of long
    //! rows as eight streams 4 KB apart at d = 512, and a single thread then reached about half
    //! the memory bandwidth a one-stream loop reaches.
    template <class A, class B>
    NABLA_ALWAYS_INLINE void inner_of_group(std::size_t n, T* out) const {
        const std::size_t full = n / width * width; // the elements in whole batches
        if constexpr (group == 1) {
            T sum = sum_lanes<T>(row_inner<A, B, 0>(full));
            for (std::size_t k = full; k < n; ++k)
                sum += this->template element<A, T>(k, 0) * this->template element<B, T>(k, 0);
            out[0] = sum;
        } else {
            batch acc[group];
            [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
                ((acc[J] = row_inner<A, B, J>(full)), ...);
            }
            (std::make_index_sequence<group>{});
            batch sums = nabla::detail::row_sums(acc);
            sums.store_aligned(out);
            for (std::size_t k = full; k < n; ++k)
                for (std::size_t j = 0; j != group; ++j)
                    out[j] +=
                        this->template element<A, T>(k, j) * this->template element<B, T>(k, j);
        }
    }

    //! \f$ \sum_k a_k b_k \f$ in lanes over the first \p full elements of row \p J of the group
    //! (a multiple of the batch width), on four chains.
    template <class A, class B, std::size_t J>
    NABLA_ALWAYS_INLINE batch row_inner(std::size_t full) const {
        const auto product = [&](std::size_t at) NABLA_ALWAYS_INLINE_LAMBDA {
            return batch(this->template element<A, batch>(at, J) *
                         this->template element<B, batch>(at, J));
        };
        batch a0(T(0)), a1(T(0)), a2(T(0)), a3(T(0));
        std::size_t k = 0;
        for (; k + 4 * width <= full; k += 4 * width) {
            a0 += product(k);
            a1 += product(k + width);
            a2 += product(k + 2 * width);
            a3 += product(k + 3 * width);
        }
        for (; k < full; k += width)
            a0 += product(k);
        return (a0 + a1) + (a2 + a3);
    }

    //! Adds the rows of the group, \f$ \sum_{j < \text{active}} e_j \f$, of the vector operand
    //! \p A to the \p n numbers at \p acc. For a full group the rows are unrolled and four
    //! batches of elements are kept in registers at a time: four independent chains of
    //! additions instead of one.
    //!
    //! A long row (a group of one) also prefetches the row at `ahead` into L2, a line for each
    //! line added. Adding a row that is already in L1 leaves the memory idle, and the hardware
    //! prefetcher alone does not run far enough ahead: the logistic gradient over 10^5 x 512
    //! took 20.2–21.6 ms without, 15.3–16.5 ms with, as fast as a bare read of the data. A
    //! prefetch into L1, or all of a row's prefetches at once, was slower than none.
    template <class A>
    NABLA_ALWAYS_INLINE void add_rows(T* NABLA_RESTRICT acc, std::size_t n,
                                      std::size_t active) const {
        std::size_t k = 0;
        if constexpr (width > 1) {
            if (active == group) {
                constexpr std::size_t w = width;
                for (; k + 4 * w <= n; k += 4 * w) {
                    if constexpr (group == 1) {
                        if (this->ahead)
                            for (std::size_t b = 0; b < 4 * w * sizeof(T); b += 64)
                                NABLA_PREFETCH_L2(this->ahead + k * sizeof(T) + b);
                    }
                    batch s0 = batch::load_unaligned(acc + k);
                    batch s1 = batch::load_unaligned(acc + k + w);
                    batch s2 = batch::load_unaligned(acc + k + 2 * w);
                    batch s3 = batch::load_unaligned(acc + k + 3 * w);
                    [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
                        ((s0 += this->template element<A, batch>(k, J),
                          s1 += this->template element<A, batch>(k + w, J),
                          s2 += this->template element<A, batch>(k + 2 * w, J),
                          s3 += this->template element<A, batch>(k + 3 * w, J)),
                         ...);
                    }
                    (std::make_index_sequence<group>{});
                    s0.store_unaligned(acc + k);
                    s1.store_unaligned(acc + k + w);
                    s2.store_unaligned(acc + k + 2 * w);
                    s3.store_unaligned(acc + k + 3 * w);
                }
            }
            for (; k + width <= n; k += width) {
                batch sum = batch::load_unaligned(acc + k);
                for (std::size_t j = 0; j != active; ++j)
                    sum += this->template element<A, batch>(k, j);
                sum.store_unaligned(acc + k);
            }
        }
        for (; k < n; ++k)
            for (std::size_t j = 0; j != active; ++j)
                acc[k] += this->template element<A, T>(k, j);
    }

    //! Computes the node \p N (not a symbol, lazy node or reduction) from its operands: a scalar
    //! into its slot, a vector into the buffer at \p out. A per-row node is computed for every
    //! row of the group.
    template <class N>
    NABLA_ALWAYS_INLINE void compute(T* NABLA_RESTRICT out) {
        using Op = typename N::op_type;
        constexpr std::size_t i = base::template at<N>;
        constexpr bool rows = phase_of<N>() == phase::per_row;
        constexpr std::size_t copies = rows ? group : 1;
        if constexpr (is_scalar_v<N>) {
            if constexpr (base::template is_frobenius_v<N>) {
                // the Frobenius inner product, row by row of the matrices
                using A = decltype(N::lhs);
                using B = decltype(N::rhs);
                for (std::size_t j = 0; j != copies; ++j) {
                    T v(0);
                    for (std::size_t r = 0; r != len[base::template at<A>]; ++r)
                        v += reduce(cols[base::template at<A>],
                                    [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                                        return L(this->template element<A, L>(r, k, j) *
                                                 this->template element<B, L>(r, k, j));
                                    });
                    if constexpr (rows)
                        per_row[i].value[j] = v;
                    else
                        scalar[i] = v;
                }
            } else if constexpr (std::is_same_v<Op, dot_op> && rows) {
                inner_of_group<decltype(N::lhs), decltype(N::rhs)>(
                    len[base::template at<decltype(N::lhs)>], per_row[i].value.data());
            } else if constexpr (std::is_same_v<Op, dot_op> || std::is_same_v<Op, sum_op> ||
                                 std::is_same_v<Op, logsumexp_op>) {
                for (std::size_t j = 0; j != copies; ++j) {
                    T v;
                    if constexpr (std::is_same_v<Op, dot_op>) {
                        v = inner<decltype(N::lhs), decltype(N::rhs)>(
                            len[base::template at<decltype(N::lhs)>], j);
                    } else if constexpr (std::is_same_v<Op, sum_op>) {
                        v = inner<decltype(N::arg), one_t>(len[base::template at<decltype(N::arg)>],
                                                           j);
                    } else {
                        v = log_sum_exp<decltype(N::arg)>(j);
                    }
                    if constexpr (rows)
                        per_row[i].value[j] = v;
                    else
                        scalar[i] = v;
                }
            } else if constexpr (rows) {
                // element-wise on scalars, across the rows of the group in SIMD lanes
                row_batch v;
                if constexpr (requires { N::arg; })
                    v = this->template apply<N, row_batch>(
                        this->template group_value<decltype(N::arg)>());
                else
                    v = this->template apply<N, row_batch>(
                        this->template group_value<decltype(N::lhs)>(),
                        this->template group_value<decltype(N::rhs)>());
                store_lanes(v, per_row[i].value.data());
            } else if constexpr (requires { N::arg; }) {
                scalar[i] =
                    this->template apply<N, T>(this->template scalar_value<decltype(N::arg)>());
            } else {
                scalar[i] =
                    this->template apply<N, T>(this->template scalar_value<decltype(N::lhs)>(),
                                               this->template scalar_value<decltype(N::rhs)>());
            }
        } else {
            static_assert(is_vector_v<N>, "nabla: element-wise functions of a matrix are not "
                                          "supported");
            ptr[i] = out;
            for (std::size_t j = 0; j != copies; ++j)
                compute_vector<N>(out + j * len[i], j);
        }
    }

    //! The vector node \p N for row \p j of the group, into \p out.
    template <class N>
    NABLA_ALWAYS_INLINE void compute_vector(T* NABLA_RESTRICT out, std::size_t j) const {
        using Op = typename N::op_type;
        constexpr std::size_t i = base::template at<N>;
        if constexpr (std::is_same_v<Op, matvec_op>) {
            using M = decltype(N::lhs);
            const std::size_t n = cols[base::template at<M>];
            for (std::size_t r = 0; r != len[i]; ++r)
                out[r] = row_times<M, decltype(N::rhs)>(r, n, j);
        } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
            using M = decltype(N::lhs);
            using S = decltype(N::rhs);
            std::fill(out, out + len[i], T(0));
            for (std::size_t r = 0; r != len[base::template at<M>]; ++r) {
                const T s = this->template element<S, T>(r, j);
                for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                    store_lanes(
                        L(load_lanes<L>(out + k) + L(s) * this->template element<M, L>(r, k, j)),
                        out + k);
                });
            }
        } else if constexpr (requires { N::arg; }) {
            for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                store_lanes(
                    this->template apply<N, L>(this->template element<decltype(N::arg), L>(k, j)),
                    out + k);
            });
        } else {
            for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                store_lanes(
                    this->template apply<N, L>(this->template element<decltype(N::lhs), L>(k, j),
                                               this->template element<decltype(N::rhs), L>(k, j)),
                    out + k);
            });
        }
    }

    //! \f$ m + \log \sum_k e^{v_k - m} \f$, \f$ m = \max_k v_k \f$, for row \p j.
    template <class A>
    T log_sum_exp(std::size_t j) const {
        using std::exp;
        using std::log;
        using std::max;
        const std::size_t n = len[base::template at<A>];
        T m = this->template element<A, T>(0, j);
        for (std::size_t k = 1; k < n; ++k)
            m = max(m, this->template element<A, T>(k, j));
        T s(0);
        for (std::size_t k = 0; k < n; ++k)
            s += exp(T(this->template element<A, T>(k, j) - m));
        return T(m + log(s));
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
