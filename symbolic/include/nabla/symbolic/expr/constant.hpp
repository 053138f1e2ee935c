//! \file
//! \brief Runtime constants: a captured number whose identity, not its value, is in the type.
#ifndef NABLA_SYMBOLIC_EXPR_CONSTANT_HPP
#define NABLA_SYMBOLIC_EXPR_CONSTANT_HPP

#include <nabla/symbolic/expr/shape.hpp>

#include <cstddef>

namespace nabla {

//! \brief A number captured at run time, such as `100` in `100 * pow(y - x * x, 2)` or a
//! regularisation weight held in a variable.
//!
//! Common-subexpression elimination identifies nodes by type, so two constants may share a
//! type only if they are the same constant. \p Id guarantees that: the operators that join two
//! independently built expressions renumber the right one's constants past the left one's, and
//! differentiation only copies constants. Equal \p Id within one expression therefore means one
//! constant copied, never two numbers that happen to collide.
template <std::size_t Id>
struct constant {
    //! Every constant is a scalar.
    using shape = scalar_shape;
    //! The captured number.
    double value;
};

//! \brief True for the runtime constants `constant<Id>`.
template <class T>
inline constexpr bool is_runtime_constant_v = false;
//! \brief A runtime constant.
template <std::size_t Id>
inline constexpr bool is_runtime_constant_v<constant<Id>> = true;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_CONSTANT_HPP
