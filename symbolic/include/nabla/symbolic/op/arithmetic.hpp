//! \file
//! \brief Sum, product and power: the operations every canonical form is made of.
//!
//! Subtraction, negation and division have no tags of their own: `a - b` is `a + (-1) b`,
//! `-a` is `(-1) a` and `a / b` is `a b^{-1}`, so that one set of rules collects like terms and
//! powers. The printers turn them back into `-` and `/`.
#ifndef NABLA_SYMBOLIC_OP_ARITHMETIC_HPP
#define NABLA_SYMBOLIC_OP_ARITHMETIC_HPP

#include <nabla/symbolic/op/elementwise.hpp>

#include <string_view>

namespace nabla {

//! \brief \f$ a + b \f$.
struct add_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "add";
    //! Evaluates the sum.
    template <class T>
    static T apply(T const& a, T const& b) {
        return T(a + b);
    }
};

//! \brief \f$ a b \f$.
struct mul_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "mul";
    //! Evaluates the product.
    template <class T>
    static T apply(T const& a, T const& b) {
        return T(a * b);
    }
};

//! \brief \f$ a^b \f$. The exponent is an exact rational (`x^2`, `sqrt`, `cbrt`), a runtime
//! constant (`pow(u, 2.5)`) or any expression (`pow(x, y)`); evaluation picks the matching
//! kernel at compile time.
struct pow_op : detail::elementwise {
    //! Name in printed output.
    static constexpr std::string_view name = "pow";
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_ARITHMETIC_HPP
