//! \file
//! \brief Shapes: every node knows whether it is a scalar, a vector or a matrix.
#ifndef NABLA_SYMBOLIC_EXPR_SHAPE_HPP
#define NABLA_SYMBOLIC_EXPR_SHAPE_HPP

#include <type_traits>

namespace nabla {

//! \brief The shape of a scalar-valued node.
struct scalar_shape {};

//! \brief The shape of a vector-valued node whose length is fixed at run time by the
//! binding of the symbol \p Dim (for example a parameter vector `vec<"w">`).
template <class Dim>
struct vector_shape {};

//! \brief The shape of a matrix-valued node with row dimension \p Rows and column
//! dimension \p Cols, both fixed at run time by bindings.
template <class Rows, class Cols>
struct matrix_shape {};

//! \brief The shape of an expression node: its member type `shape`.
template <class E>
using shape_of_t = typename E::shape;

//! \brief True when the node \p E is scalar-valued.
template <class E>
inline constexpr bool is_scalar_v = std::is_same_v<shape_of_t<E>, scalar_shape>;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_SHAPE_HPP
