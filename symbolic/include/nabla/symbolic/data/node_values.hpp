//! \file
//! \brief The values of the nodes of a data program: scalars in slots, vectors and matrices as
//! pointers to storage, and the element-wise evaluation that fuses cheap vector nodes into the
//! loops that consume them.
//!
//! Rows are evaluated in groups of as many rows as a SIMD batch has lanes: a per-row scalar node
//! holds one value per row of the group, so the scalar work (the exponentials of a logistic
//! loss, say) runs across rows in SIMD lanes, while vector work runs along each row's features
//! in SIMD lanes.
#ifndef NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
#define NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/data/lanes.hpp>
#include <nabla/symbolic/data/program.hpp>
#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace nabla::detail {

//! The node values of the program \p Program in scalar type \p T.
template <class T, class Program, std::size_t PoolSize>
struct node_values {
    static constexpr std::size_t count = Program::size == 0 ? 1 : Program::size;
    template <class N>
    static constexpr std::size_t at = Program::template index<N>;
    //! The batch type, and the number of rows evaluated together (its lanes).
    using batch = batch_t<T>;
    static constexpr std::size_t group = width_v<batch>;
    //! The values of a per-row scalar node for the rows of a group.
    struct alignas(sizeof(batch)) lanes_of {
        std::array<T, group> value{};
    };

    //! The captured numbers.
    constant_pool<PoolSize> const* pool = nullptr;
    //! Scalar nodes' values (not per row).
    std::array<T, count> scalar{};
    //! Per-row scalar nodes' values, one per row of the group.
    std::array<lanes_of, count> per_row{};
    //! Vector and matrix nodes' storage (bindings, buffers); per-row vector nodes have one
    //! buffer per row of the group, `ptr[i] + j * len[i]`.
    std::array<T const*, count> ptr{};
    //! Per-row data rows: where row \p j of the group starts.
    std::array<std::array<T const*, group>, count> row_ptr{};
    //! Vector lengths; matrix row counts.
    std::array<std::size_t, count> len{};
    //! Matrix column counts.
    std::array<std::size_t, count> cols{};

    //! True for the inner product of two matrices.
    template <class N>
    static constexpr bool is_frobenius_v = [] {
        if constexpr (requires { N::lhs; })
            return std::is_same_v<typename N::op_type, dot_op> && is_matrix_v<decltype(N::lhs)>;
        else
            return false;
    }();

    template <class A>
    static constexpr bool per_row_scalar_v =
        is_scalar_v<A> && !is_constant_expr_v<A> && phase_of<A>() == phase::per_row;

    //! The value of a scalar operand for row \p j of the group: a constant read in place, or a
    //! slot.
    template <class A>
    NABLA_ALWAYS_INLINE T scalar_value(std::size_t j = 0) const {
        if constexpr (is_constant_expr_v<A>) {
            return constant_value<A, T>(*pool);
        } else if constexpr (per_row_scalar_v<A>) {
            return per_row[at<A>].value[j];
        } else {
            return scalar[at<A>];
        }
    }

    //! The values of a scalar operand for the rows of the group, as a batch.
    template <class A>
    NABLA_ALWAYS_INLINE batch group_value() const {
        if constexpr (per_row_scalar_v<A>) {
            if constexpr (group == 1) {
                return per_row[at<A>].value[0];
            } else {
                return batch::load_aligned(per_row[at<A>].value.data());
            }
        } else {
            return batch(scalar_value<A>());
        }
    }

    //! \p Op applied element-wise to operand values \p args, of lane type \p L.
    template <class N, class L, class... Args>
    NABLA_ALWAYS_INLINE L apply(Args const&... args) const {
        using Op = typename N::op_type;
        if constexpr (std::is_same_v<Op, add_op>) {
            return L((args + ...));
        } else if constexpr (std::is_same_v<Op, mul_op>) {
            return L((args * ...));
        } else if constexpr (std::is_same_v<Op, pow_op>) {
            using E = decltype(N::rhs);
            const auto [base, exponent] = std::tuple<Args const&...>(args...);
            if constexpr (is_rational_v<E>) {
                return math::rational_pow<E::num, E::den>(base);
            } else if constexpr (is_constant_expr_v<E>) {
                return math::runtime_pow(base, constant_value<E>(*pool),
                                         L(constant_value<E, T>(*pool)));
            } else {
                using math::pow;
                return L(pow(base, exponent));
            }
        } else {
            return L(Op::apply(args...));
        }
    }

    //! Where the stored vector or matrix \p A of row \p j of the group starts.
    template <class A>
    NABLA_ALWAYS_INLINE T const* storage(std::size_t j) const {
        if constexpr (is_data_symbol_v<A>) {
            return row_ptr[at<A>][j];
        } else if constexpr (phase_of<A>() == phase::per_row) {
            return ptr[at<A>] + j * len[at<A>];
        } else {
            return ptr[at<A>];
        }
    }

    //! Elements \f$ [k, k + \text{width}(L)) \f$ of the vector operand \p A for row \p j of
    //! the group (a scalar operand broadcasts).
    template <class A, class L>
    NABLA_ALWAYS_INLINE L element(std::size_t k, std::size_t j) const {
        if constexpr (is_scalar_v<A>) {
            return L(scalar_value<A>(j));
        } else if constexpr (!is_lazy<A>() || is_symbol_v<A>) {
            return load_lanes<L>(storage<A>(j) + k);
        } else if constexpr (is_fill_v<typename A::op_type>) {
            return L(scalar_value<decltype(A::arg)>(j));
        } else {
            static_assert(is_vector_v<A>);
            return apply<A, L>(element<decltype(A::lhs), L>(k, j),
                               element<decltype(A::rhs), L>(k, j));
        }
    }

    //! Elements \f$ (i, [k, k + \text{width}(L))) \f$ of the matrix operand \p A for row \p j
    //! of the group.
    template <class A, class L>
    NABLA_ALWAYS_INLINE L element(std::size_t i, std::size_t k, std::size_t j) const {
        if constexpr (is_scalar_v<A>) {
            return L(scalar_value<A>(j));
        } else if constexpr (!is_lazy<A>() || is_symbol_v<A>) {
            return load_lanes<L>(storage<A>(j) + i * cols[at<A>] + k);
        } else if constexpr (is_fill_v<typename A::op_type>) {
            return L(scalar_value<decltype(A::arg)>(j));
        } else if constexpr (std::is_same_v<typename A::op_type, outer_op>) {
            return L(element<decltype(A::lhs), T>(i, j)) * element<decltype(A::rhs), L>(k, j);
        } else {
            return apply<A, L>(element<decltype(A::lhs), L>(i, k, j),
                               element<decltype(A::rhs), L>(i, k, j));
        }
    }

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
        if constexpr (group == 1) {
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
            return L(element<A, L>(k, j) * element<B, L>(k, j));
        });
    }

    //! \f$ \sum_k (M)_{ik} x_k \f$: row \p i of \p M times \p X, over \p n columns.
    template <class M, class X>
    NABLA_ALWAYS_INLINE T row_times(std::size_t i, std::size_t n, std::size_t j) const {
        return reduce(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            return L(element<M, L>(i, k, j) * element<X, L>(k, j));
        });
    }

    //! \f$ a^\top b \f$ for the \p rows rows of the group at once: independent accumulators,
    //! one per row, reduced together, rather than one dependent chain and one horizontal sum
    //! per row.
    template <class A, class B>
    NABLA_ALWAYS_INLINE void inner_of_group(std::size_t n, T* out) const {
        if constexpr (group == 1) {
            out[0] = inner<A, B>(n, 0);
        } else {
            batch acc[group];
            for (auto& a : acc)
                a = batch(T(0));
            std::size_t k = 0;
            // unrolled over the rows of the group: the accumulators stay in registers
            for (; k + group <= n; k += group)
                [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
                    ((acc[J] += element<A, batch>(k, J) * element<B, batch>(k, J)), ...);
                }
            (std::make_index_sequence<group>{});
            batch sums = xsimd::haddp(acc);
            sums.store_aligned(out);
            for (; k < n; ++k)
                for (std::size_t j = 0; j != group; ++j)
                    out[j] += element<A, T>(k, j) * element<B, T>(k, j);
        }
    }

    //! Adds the rows of the group, \f$ \sum_{j < \text{active}} e_j \f$, of the vector operand
    //! \p A to the \p n numbers at \p acc. For a full group the rows are unrolled and four
    //! batches of elements are kept in registers at a time: four independent chains of
    //! additions instead of one.
    template <class A>
    NABLA_ALWAYS_INLINE void add_rows(T* NABLA_RESTRICT acc, std::size_t n,
                                      std::size_t active) const {
        std::size_t k = 0;
        if constexpr (group > 1) {
            if (active == group) {
                constexpr std::size_t w = group;
                for (; k + 4 * w <= n; k += 4 * w) {
                    batch s0 = batch::load_unaligned(acc + k);
                    batch s1 = batch::load_unaligned(acc + k + w);
                    batch s2 = batch::load_unaligned(acc + k + 2 * w);
                    batch s3 = batch::load_unaligned(acc + k + 3 * w);
                    [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
                        ((s0 += element<A, batch>(k, J), s1 += element<A, batch>(k + w, J),
                          s2 += element<A, batch>(k + 2 * w, J),
                          s3 += element<A, batch>(k + 3 * w, J)),
                         ...);
                    }
                    (std::make_index_sequence<group>{});
                    s0.store_unaligned(acc + k);
                    s1.store_unaligned(acc + k + w);
                    s2.store_unaligned(acc + k + 2 * w);
                    s3.store_unaligned(acc + k + 3 * w);
                }
            }
            for (; k + group <= n; k += group) {
                batch sum = batch::load_unaligned(acc + k);
                for (std::size_t j = 0; j != active; ++j)
                    sum += element<A, batch>(k, j);
                sum.store_unaligned(acc + k);
            }
        }
        for (; k < n; ++k)
            for (std::size_t j = 0; j != active; ++j)
                acc[k] += element<A, T>(k, j);
    }

    //! Computes the node \p N (not a symbol, lazy node or reduction) from its operands: a scalar
    //! into its slot, a vector into the buffer at \p out. A per-row node is computed for every
    //! row of the group.
    template <class N>
    NABLA_ALWAYS_INLINE void compute(T* NABLA_RESTRICT out) {
        using Op = typename N::op_type;
        constexpr std::size_t i = at<N>;
        constexpr bool rows = phase_of<N>() == phase::per_row;
        constexpr std::size_t copies = rows ? group : 1;
        if constexpr (is_scalar_v<N>) {
            if constexpr (is_frobenius_v<N>) {
                // the Frobenius inner product, row by row of the matrices
                using A = decltype(N::lhs);
                using B = decltype(N::rhs);
                for (std::size_t j = 0; j != copies; ++j) {
                    T v(0);
                    for (std::size_t r = 0; r != len[at<A>]; ++r)
                        v += reduce(cols[at<A>],
                                    [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                                        return L(element<A, L>(r, k, j) * element<B, L>(r, k, j));
                                    });
                    if constexpr (rows)
                        per_row[i].value[j] = v;
                    else
                        scalar[i] = v;
                }
            } else if constexpr (std::is_same_v<Op, dot_op> && rows) {
                inner_of_group<decltype(N::lhs), decltype(N::rhs)>(len[at<decltype(N::lhs)>],
                                                                   per_row[i].value.data());
            } else if constexpr (std::is_same_v<Op, dot_op> || std::is_same_v<Op, sum_op> ||
                                 std::is_same_v<Op, logsumexp_op>) {
                for (std::size_t j = 0; j != copies; ++j) {
                    T v;
                    if constexpr (std::is_same_v<Op, dot_op>) {
                        v = inner<decltype(N::lhs), decltype(N::rhs)>(len[at<decltype(N::lhs)>], j);
                    } else if constexpr (std::is_same_v<Op, sum_op>) {
                        v = inner<decltype(N::arg), one_t>(len[at<decltype(N::arg)>], j);
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
                batch v;
                if constexpr (requires { N::arg; })
                    v = apply<N, batch>(group_value<decltype(N::arg)>());
                else
                    v = apply<N, batch>(group_value<decltype(N::lhs)>(),
                                        group_value<decltype(N::rhs)>());
                store_lanes(v, per_row[i].value.data());
            } else if constexpr (requires { N::arg; }) {
                scalar[i] = apply<N, T>(scalar_value<decltype(N::arg)>());
            } else {
                scalar[i] =
                    apply<N, T>(scalar_value<decltype(N::lhs)>(), scalar_value<decltype(N::rhs)>());
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
        constexpr std::size_t i = at<N>;
        if constexpr (std::is_same_v<Op, matvec_op>) {
            using M = decltype(N::lhs);
            const std::size_t n = cols[at<M>];
            for (std::size_t r = 0; r != len[i]; ++r)
                out[r] = row_times<M, decltype(N::rhs)>(r, n, j);
        } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
            using M = decltype(N::lhs);
            using S = decltype(N::rhs);
            std::fill(out, out + len[i], T(0));
            for (std::size_t r = 0; r != len[at<M>]; ++r) {
                const T s = element<S, T>(r, j);
                for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                    store_lanes(L(load_lanes<L>(out + k) + L(s) * element<M, L>(r, k, j)), out + k);
                });
            }
        } else if constexpr (requires { N::arg; }) {
            for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                store_lanes(apply<N, L>(element<decltype(N::arg), L>(k, j)), out + k);
            });
        } else {
            for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                store_lanes(apply<N, L>(element<decltype(N::lhs), L>(k, j),
                                        element<decltype(N::rhs), L>(k, j)),
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
        const std::size_t n = len[at<A>];
        T m = element<A, T>(0, j);
        for (std::size_t k = 1; k < n; ++k)
            m = max(m, element<A, T>(k, j));
        T s(0);
        for (std::size_t k = 0; k < n; ++k)
            s += exp(T(element<A, T>(k, j) - m));
        return T(m + log(s));
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
