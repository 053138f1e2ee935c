//! \file
//! \brief Values of the constants in an expression: the pool of captured numbers, and the value
//! of a subexpression that contains no symbol.
#ifndef NABLA_SYMBOLIC_EVAL_CONSTANT_VALUE_HPP
#define NABLA_SYMBOLIC_EVAL_CONSTANT_VALUE_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <array>
#include <cstddef>

namespace nabla::detail {

//! The captured numbers of a set of outputs, indexed by constant identity.
template <std::size_t N>
using constant_pool = std::array<double, (N == 0 ? 1 : N)>;

template <class Pool, class E>
constexpr void collect_constants(Pool& pool, E const& e) {
    if constexpr (is_runtime_constant_v<E>) {
        pool[next_id_v<E> - 1] = e.value;
    } else if constexpr (next_id_v<E> == 0) {
        // no constants below
    } else if constexpr (requires { e.arg; }) {
        collect_constants(pool, e.arg);
    } else if constexpr (requires { e.lhs; }) {
        collect_constants(pool, e.lhs);
        collect_constants(pool, e.rhs);
    }
}

//! The value in \p T (double unless given) of a constant expression, such as an exponent.
template <class E, class T = double, class Pool>
NABLA_ALWAYS_INLINE T constant_value(Pool const& pool) {
    if constexpr (is_rational_v<E>) {
        return T(T(static_cast<double>(E::num)) / T(static_cast<double>(E::den)));
    } else if constexpr (is_runtime_constant_v<E>) {
        return T(pool[next_id_v<E> - 1]);
    } else if constexpr (requires { E::arg; }) {
        return E::op_type::apply(constant_value<decltype(E::arg), T>(pool));
    } else if constexpr (std::is_same_v<typename E::op_type, pow_op>) {
        return math::runtime_pow(constant_value<decltype(E::lhs), T>(pool),
                                 constant_value<decltype(E::rhs)>(pool),
                                 constant_value<decltype(E::rhs), T>(pool));
    } else {
        return E::op_type::apply(constant_value<decltype(E::lhs), T>(pool),
                                 constant_value<decltype(E::rhs), T>(pool));
    }
}

//! The value in double of the constant expression \p e.
template <class E>
double constant_value_of(E const& e) {
    constant_pool<next_id_v<E>> pool{};
    collect_constants(pool, e);
    return constant_value<E>(pool);
}

//! The expression of type \p E whose runtime constants are read from \p pool: a node of a plan,
//! rebuilt from its type, for printing.
template <class E, class Pool>
constexpr E rebuild(Pool const& pool) {
    if constexpr (is_runtime_constant_v<E>) {
        return E{pool[next_id_v<E> - 1]};
    } else if constexpr (requires { E::arg; }) {
        return E{rebuild<decltype(E::arg)>(pool)};
    } else if constexpr (requires { E::lhs; }) {
        return E{rebuild<decltype(E::lhs)>(pool), rebuild<decltype(E::rhs)>(pool)};
    } else {
        return E{};
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_CONSTANT_VALUE_HPP
