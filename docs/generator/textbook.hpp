//! \file
//! \brief The "before simplification" baseline of the derivative pages: the chain, product and
//! power rules applied literally, as raw node types that bypass nabla's simplifying
//! constructors. Only their sizes are ever used; nothing here is evaluated.
#ifndef NABLA_DOCS_GENERATOR_TEXTBOOK_HPP
#define NABLA_DOCS_GENERATOR_TEXTBOOK_HPP

#include <nabla/nabla.hpp>

#include <type_traits>
#include <utility>

namespace nabla::docs::textbook {

//! \brief \f$ \partial E / \partial V \f$ by the textbook rules; constants and other symbols
//! give 0 (every other subtree is differentiated, even when free of \p V, as by hand).
template <class V, class E>
struct diff {
    //! The derivative's type.
    using type = zero_t;
};
//! \brief The type of the textbook derivative of \p E with respect to \p V.
template <class V, class E>
using diff_t = typename diff<V, E>::type;

//! \brief \f$ v' = 1 \f$.
template <class V>
struct diff<V, V> {
    //! The derivative's type.
    using type = one_t;
};

//! \brief \f$ (a + b)' = a' + b' \f$.
template <class V, class A, class B>
struct diff<V, binary<add_op, A, B>> {
    //! The derivative's type.
    using type = binary<add_op, diff_t<V, A>, diff_t<V, B>>;
};

//! \brief \f$ (ab)' = a'b + ab' \f$.
template <class V, class A, class B>
struct diff<V, binary<mul_op, A, B>> {
    //! The derivative's type.
    using type = binary<add_op, binary<mul_op, diff_t<V, A>, B>, binary<mul_op, A, diff_t<V, B>>>;
};

//! \brief \f$ (u^c)' = c\,u^{c-1} u' \f$ for a constant \f$ c \f$, otherwise
//! \f$ (u^v)' = u^v (v' \log u + v u' u^{-1}) \f$.
template <class V, class A, class B>
struct diff<V, binary<pow_op, A, B>> {
    //! The constant-exponent form.
    using constant_exponent =
        binary<mul_op, binary<mul_op, B, binary<pow_op, A, binary<add_op, B, rational<-1>>>>,
               diff_t<V, A>>;
    //! The general form.
    using general = binary<
        mul_op, binary<pow_op, A, B>,
        binary<add_op, binary<mul_op, diff_t<V, B>, unary<log_op, A>>,
               binary<mul_op, B, binary<mul_op, diff_t<V, A>, binary<pow_op, A, rational<-1>>>>>>;
    //! The derivative's type.
    using type = std::conditional_t<is_constant_expr_v<B>, constant_exponent, general>;
};

//! \brief Other binary operations (min, max): nabla's own rule, which is already what one would
//! write by hand (a selection between the operands' derivatives).
template <class V, class Op, class A, class B>
requires(!std::is_same_v<Op, add_op> && !std::is_same_v<Op, mul_op> &&
         !std::is_same_v<Op, pow_op>) struct diff<V, binary<Op, A, B>> {
    //! The derivative's type.
    using type =
        decltype(derivative_rule<Op>::template apply<V>(std::declval<binary<Op, A, B> const&>()));
};

//! \brief \f$ f(u)' = f'(u)\,u' \f$, with \f$ f'(u) \f$ as nabla's derivative rule writes it:
//! the outer derivative is a property of the function, the chain rule is what a textbook adds.
template <class V, class Op, class A>
struct diff<V, unary<Op, A>> {
    //! The outer derivative.
    using outer = decltype(derivative_rule<Op>::outer(std::declval<unary<Op, A> const&>()));
    //! The derivative's type.
    using type = binary<mul_op, outer, diff_t<V, A>>;
};

} // namespace nabla::docs::textbook

#endif // NABLA_DOCS_GENERATOR_TEXTBOOK_HPP
