//! \file
//! \brief Shapes: every node knows whether it is a scalar, a vector or a matrix.
//!
//! Lengths are not part of the type: a parameter vector or a data row gets its length when it
//! is bound, and evaluation checks that the operands of every node agree before it reads them.
#ifndef NABLA_SYMBOLIC_EXPR_SHAPE_HPP
#define NABLA_SYMBOLIC_EXPR_SHAPE_HPP

#include <type_traits>

namespace nabla {

//! \brief The shape of a scalar-valued node.
struct scalar_shape {};

//! \brief The shape of a vector-valued node, whose length is fixed at run time by the bindings
//! (a parameter vector `vec<"w">`, a data row `row<"x">`, a layer `W * x`).
struct vector_shape {};

//! \brief The shape of a matrix-valued node (a matrix parameter `mat<"W">`, an outer product),
//! whose dimensions are fixed at run time by the bindings. Matrices are stored row-major.
struct matrix_shape {};

//! \brief The shape of an expression node: its member type `shape`.
template <class E>
using shape_of_t = typename E::shape;

//! \brief True when the node \p E is scalar-valued.
template <class E>
inline constexpr bool is_scalar_v = std::is_same_v<shape_of_t<E>, scalar_shape>;

//! \brief True when the node \p E is vector-valued.
template <class E>
inline constexpr bool is_vector_v = std::is_same_v<shape_of_t<E>, vector_shape>;

//! \brief True when the node \p E is matrix-valued.
template <class E>
inline constexpr bool is_matrix_v = std::is_same_v<shape_of_t<E>, matrix_shape>;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_SHAPE_HPP
