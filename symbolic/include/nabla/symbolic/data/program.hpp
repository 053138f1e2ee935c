//! \file
//! \brief The compile-time analysis of expressions over a dataset: their distinct nodes,
//! children first, and the phase in which each is evaluated.
//!
//! Phases: parameters and what depends only on them (once); per-row nodes, which use a data
//! symbol (once per row); reductions over rows (accumulated during the row loop); and nodes that
//! use a reduction (once, after the loop). Structurally equal subexpressions are one type, so
//! the value and every gradient share each per-row node: \f$ w^\top x_i \f$ is computed once per
//! row for the loss and its gradient.
#ifndef NABLA_SYMBOLIC_DATA_PROGRAM_HPP
#define NABLA_SYMBOLIC_DATA_PROGRAM_HPP

#include <nabla/symbolic/expr/symbols.hpp>
#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/expr/type_list.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>
#include <nabla/symbolic/op/linear_algebra.hpp>

#include <cstddef>
#include <type_traits>

namespace nabla::detail {

//! True when \p E contains a reduction over rows.
template <class E>
inline constexpr bool has_row_reduction_v = false;
template <class Op, class A>
inline constexpr bool has_row_reduction_v<unary<Op, A>> =
    is_row_reduction_v<Op> || has_row_reduction_v<A>;
template <class Op, class A, class B>
inline constexpr bool has_row_reduction_v<binary<Op, A, B>> =
    has_row_reduction_v<A> || has_row_reduction_v<B>;

//! True for a reduction node.
template <class E>
inline constexpr bool is_reduction_node_v = false;
template <class Op, class A>
inline constexpr bool is_reduction_node_v<unary<Op, A>> = is_row_reduction_v<Op>;

//! True when \p E takes a value per row: it uses a data symbol outside any reduction.
template <class E>
inline constexpr bool per_row_v = is_data_symbol_v<E>;
template <class Op, class A>
inline constexpr bool per_row_v<unary<Op, A>> = !is_row_reduction_v<Op> && per_row_v<A>;
template <class Op, class A, class B>
inline constexpr bool per_row_v<binary<Op, A, B>> = per_row_v<A> || per_row_v<B>;

//! The evaluation phase of node \p E.
enum class phase { parameters, per_row, reduction, after };

template <class E>
constexpr phase phase_of() {
    if constexpr (is_reduction_node_v<E>) {
        static_assert(!has_row_reduction_v<decltype(E::arg)>,
                      "nabla: a mean or sum over rows inside another is not supported");
        return phase::reduction;
    } else if constexpr (per_row_v<E>) {
        static_assert(!has_row_reduction_v<E>,
                      "nabla: an expression mixes a per-row value with a mean over rows outside "
                      "that mean; put the per-row part inside mean(...) or sum_rows(...)");
        return phase::per_row;
    } else if constexpr (has_row_reduction_v<E>) {
        return phase::after;
    } else {
        return phase::parameters;
    }
}

//! True for a vector or matrix node evaluated element by element where it is used, never
//! stored: symbols (their storage is the binding), sums, products and outer products, which
//! are cheap enough to recompute and fuse into the loop that consumes them.
template <class E>
constexpr bool is_lazy() {
    if constexpr (is_scalar_v<E> || is_reduction_node_v<E>) {
        return false;
    } else if constexpr (is_symbol_v<E>) {
        return true;
    } else {
        using Op = typename E::op_type;
        return std::is_same_v<Op, add_op> || std::is_same_v<Op, mul_op> ||
               std::is_same_v<Op, outer_op> || is_fill_v<Op>;
    }
}

template <class E, class... Ns>
constexpr auto append_nodes(type_list<Ns...> list) {
    if constexpr (is_constant_expr_v<E> || (std::is_same_v<E, Ns> || ...)) {
        return list; // constants are read in place
    } else if constexpr (is_symbol_v<E>) {
        return type_list<Ns..., E>{};
    } else if constexpr (requires { E::arg; }) {
        return []<class... Ms>(type_list<Ms...>) {
            return type_list<Ms..., E>{};
        }(append_nodes<decltype(E::arg)>(list));
    } else {
        return []<class... Ms>(type_list<Ms...>) {
            return type_list<Ms..., E>{};
        }(append_nodes<decltype(E::rhs)>(append_nodes<decltype(E::lhs)>(list)));
    }
}

template <class List, class... Es>
struct distinct_nodes {
    using type = List;
};
template <class List, class E, class... Es>
struct distinct_nodes<List, E, Es...> {
    using type = typename distinct_nodes<decltype(append_nodes<E>(List{})), Es...>::type;
};

template <class T, std::size_t I>
constexpr std::size_t position_in(indexed<I, T> const*) {
    return I;
}

template <class... Ns>
constexpr auto nodes_in_phase(type_list<Ns...>, phase p) {
    return (std::size_t{0} + ... + (phase_of<Ns>() == p ? 1 : 0));
}

template <class... Ns>
constexpr bool any_vector_reduction(type_list<Ns...>) {
    return ((phase_of<Ns>() == phase::reduction && !is_scalar_v<Ns>) || ...);
}

//! The evaluation program of the outputs \p Es: `nodes` (distinct, children first) and each
//! node's position in it.
template <class... Es>
struct data_program {
    //! The distinct non-constant nodes, children before parents.
    using nodes = typename distinct_nodes<type_list<>, Es...>::type;
    //! How many.
    static constexpr std::size_t size = nodes::size;
    //! The position of node \p N.
    template <class N>
    static constexpr std::size_t
        index = position_in<N>(static_cast<index_map<nodes> const*>(nullptr));
    //! True when a row loop is needed.
    static constexpr bool has_rows = nodes_in_phase(nodes{}, phase::reduction) != 0;
    //! True when a vector or matrix is summed over rows (a gradient with respect to a vector):
    //! the row loop then reads each row a second time, to add it in.
    static constexpr bool sums_vectors = any_vector_reduction(nodes{});
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_PROGRAM_HPP
