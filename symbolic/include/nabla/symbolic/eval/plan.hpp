//! \file
//! \brief The evaluation plan: compile-time common-subexpression elimination.
//!
//! Structurally equal subexpressions have the same type (constants included, see
//! `nabla::constant`), so the distinct subexpressions of a set of outputs are the distinct node
//! types reachable from them. The plan lists them children-first; evaluation computes each into
//! its own slot exactly once, in a fold over that list: straight-line code with no tape, no heap
//! and no branch on the structure.
#ifndef NABLA_SYMBOLIC_EVAL_PLAN_HPP
#define NABLA_SYMBOLIC_EVAL_PLAN_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/expr/type_list.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <array>
#include <cstddef>
#include <utility>

namespace nabla::detail {

//! True for a power whose exponent is fixed before binding (exact or runtime constant): the
//! exponent is then part of the kernel, not a slot.
template <class E>
inline constexpr bool has_constant_exponent_v = false;
template <class A, class B>
inline constexpr bool has_constant_exponent_v<binary<pow_op, A, B>> = is_constant_expr_v<B>;

//! The distinct nodes of \p E that need a slot, children before parents. Constants are read in
//! place and take none.
template <class E>
struct plan_nodes {
    using type = type_list<>;
};
template <fixed_string Name>
struct plan_nodes<var<Name>> {
    using type = type_list<var<Name>>;
};
template <class Op, class A>
struct plan_nodes<unary<Op, A>> {
    using type = concat_t<typename plan_nodes<A>::type, type_list<unary<Op, A>>>;
};
template <class Op, class A, class B>
struct plan_nodes<binary<Op, A, B>> {
    using children = std::conditional_t<
        has_constant_exponent_v<binary<Op, A, B>>, typename plan_nodes<A>::type,
        append_missing_t<typename plan_nodes<A>::type, typename plan_nodes<B>::type>>;
    using type = concat_t<children, type_list<binary<Op, A, B>>>;
};

template <class... Es>
struct plan_of;
template <>
struct plan_of<> {
    using type = type_list<>;
};
template <class E, class... Es>
struct plan_of<E, Es...> {
    using type = append_missing_t<typename plan_nodes<E>::type, typename plan_of<Es...>::type>;
};
//! The plan of several outputs: the union of their nodes, children first.
template <class... Es>
using plan_t = typename plan_of<Es...>::type;

//! Evaluation of the plan \p Nodes in scalar type \p T.
template <class Nodes, class T, std::size_t PoolSize>
struct plan_state {
    //! One slot per node of the plan.
    std::array<T, Nodes::size> slots;
    //! The captured numbers.
    constant_pool<PoolSize> const& pool;

    //! Leaves the slots uninitialised: `run` writes each before any node reads it, and zeroing
    //! them cost a memset the size of the plan on every evaluation.
    explicit plan_state(constant_pool<PoolSize> const& p) : pool(p) {}

    //! The value of operand \p A: a slot, or a constant read in place.
    template <class A>
    NABLA_ALWAYS_INLINE T value() const {
        if constexpr (is_rational_v<A>) {
            if constexpr (A::den == 1) {
                return T(static_cast<double>(A::num));
            } else {
                return T(T(static_cast<double>(A::num)) / T(static_cast<double>(A::den)));
            }
        } else if constexpr (is_runtime_constant_v<A>) {
            return T(pool[next_id_v<A> - 1]);
        } else {
            return slots[index_of_v<A, Nodes>];
        }
    }

    template <class N, class Inputs>
    NABLA_ALWAYS_INLINE T compute(Inputs const& inputs) const {
        if constexpr (is_symbol_v<N>) {
            return inputs.template operator()<N>();
        } else if constexpr (requires { N::arg; }) {
            return N::op_type::apply(value<decltype(N::arg)>());
        } else if constexpr (std::is_same_v<typename N::op_type, pow_op>) {
            using B = decltype(N::lhs);
            using E = decltype(N::rhs);
            if constexpr (is_rational_v<E>) {
                return math::rational_pow<E::num, E::den>(value<B>());
            } else if constexpr (is_constant_expr_v<E>) {
                return math::runtime_pow(value<B>(), constant_value<E>(pool));
            } else {
                using math::pow;
                return T(pow(value<B>(), value<E>()));
            }
        } else {
            return N::op_type::apply(value<decltype(N::lhs)>(), value<decltype(N::rhs)>());
        }
    }

    //! Fills every slot, children first.
    template <class Inputs, std::size_t... I>
    NABLA_ALWAYS_INLINE void run(Inputs const& inputs, std::index_sequence<I...>) {
        ((slots[I] = compute<type_at_t<I, Nodes>>(inputs)), ...);
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_PLAN_HPP
