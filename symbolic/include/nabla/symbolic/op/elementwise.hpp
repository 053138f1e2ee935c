//! \file
//! \brief The shape rule shared by element-wise operations.
#ifndef NABLA_SYMBOLIC_OP_ELEMENTWISE_HPP
#define NABLA_SYMBOLIC_OP_ELEMENTWISE_HPP

#include <nabla/symbolic/expr/shape.hpp>

#include <type_traits>

namespace nabla::detail {

template <class... Shapes>
struct broadcast_shape;

template <class A>
struct broadcast_shape<A> {
    using type = A;
};

template <class A, class B>
struct broadcast_shape<A, B> {
    static_assert(std::is_same_v<A, B> || std::is_same_v<A, scalar_shape> ||
                      std::is_same_v<B, scalar_shape>,
                  "nabla: an element-wise operation needs operands of the same shape, or a scalar");
    using type = std::conditional_t<std::is_same_v<A, scalar_shape>, B, A>;
};

//! Base of every element-wise operation: the result has the operands' shape, and a scalar
//! operand broadcasts.
struct elementwise {
    template <class... Shapes>
    using result_shape = typename broadcast_shape<Shapes...>::type;
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_OP_ELEMENTWISE_HPP
