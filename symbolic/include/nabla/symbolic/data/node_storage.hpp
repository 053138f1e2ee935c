//! \file
//! \brief Where the nodes of a data program keep their values: scalars in slots, vectors and
//! matrices as pointers to storage; and element-wise access, which fuses cheap vector nodes
//! into the loops that consume them.
//!
//! Rows are evaluated in groups of as many rows as a SIMD batch has lanes: a per-row scalar node
//! holds one value per row of the group, so the scalar work (the exponentials of a logistic
//! loss, say) runs across rows in SIMD lanes, while vector work runs along each row's features
//! in SIMD lanes. Long rows are evaluated one at a time (a group of one row, scalar work in
//! scalars), so that a row is still in the first-level cache when it is read a second time.
#ifndef NABLA_SYMBOLIC_DATA_NODE_STORAGE_HPP
#define NABLA_SYMBOLIC_DATA_NODE_STORAGE_HPP

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

//! The node values of the program \p Program in scalar type \p T, for groups of \p Group rows
//! (1 or the batch width), and element-wise access.
template <class T, class Program, std::size_t PoolSize, std::size_t Group>
struct node_storage {
    static constexpr std::size_t count = Program::size == 0 ? 1 : Program::size;
    template <class N>
    static constexpr std::size_t at = Program::template index<N>;
    //! The batch type of the loops along a vector, and its lanes.
    using batch = batch_t<T>;
    static constexpr std::size_t width = width_v<batch>;
    //! The number of rows evaluated together.
    static constexpr std::size_t group = Group;
    static_assert(group == 1 || group == width, "nabla: a group is one row or a batch of rows");
    //! The lanes of a per-row scalar node: a batch across the rows of a group, or a scalar.
    using row_batch = std::conditional_t<group == 1, T, batch>;
    //! The values of a per-row scalar node for the rows of a group.
    struct alignas(sizeof(row_batch)) lanes_of {
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
    //! Long rows (one at a time): the start of a data row some rows further on, prefetched into
    //! L2 while the current row is added to an accumulator (null: none).
    char const* ahead = nullptr;

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

    //! The values of a scalar operand for the rows of the group, in lanes.
    template <class A>
    NABLA_ALWAYS_INLINE row_batch group_value() const {
        if constexpr (per_row_scalar_v<A>) {
            if constexpr (group == 1) {
                return per_row[at<A>].value[0];
            } else {
                return batch::load_aligned(per_row[at<A>].value.data());
            }
        } else {
            return row_batch(scalar_value<A>());
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
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_NODE_STORAGE_HPP
