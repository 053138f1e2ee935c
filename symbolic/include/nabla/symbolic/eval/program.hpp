//! \file
//! \brief Running a plan: each slot's node becomes an instruction over small types (operation,
//! operand slots, constants), executed in slot order as straight-line code.
//!
//! Why instructions: code templated on a node type or on the plan (whose type spells every
//! output expression) is instantiated once per node, and each instantiation carries that whole
//! type in its name and its debug and symbol information. A backend that handles thousands of
//! such functions spends its time on them (the Gulf problem's value, gradient and Hessian took
//! minutes at -O2). Here the only code per node is `execute(instruction)`, whose template
//! arguments are an operation tag, slot numbers and constants: names of a few dozen characters,
//! and identical instructions across plans and scalar types share nothing but are as cheap.
#ifndef NABLA_SYMBOLIC_EVAL_PROGRAM_HPP
#define NABLA_SYMBOLIC_EVAL_PROGRAM_HPP

#include <nabla/symbolic/eval/plan.hpp>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace nabla::detail {

//! An operand read from slot \p K.
template <std::size_t K>
struct slot_ref {};

//! Operand \p K, of type \p C, of the node in slot \p S of \p Plan: `slot_ref<slot>` for a node
//! with a slot (its slot recorded by the walk: no lookup keyed by the node's type), the constant
//! type itself (`rational`, `constant<Id>`), read in place, otherwise.
template <class Plan, std::size_t S, std::size_t K, class C, bool = has_slot_v<C>>
struct operand_ref {
    using type = C;
};
template <class Plan, std::size_t S, std::size_t K, class C>
struct operand_ref<Plan, S, K, C, true> {
    using type = slot_ref<Plan::data.operand_slots[Plan::data.first_operand[S] + K]>;
};

//! Output \p O of \p Plan as an operand: its slot, or the constant it is.
template <class Plan, std::size_t O, class E = type_at_t<O, typename Plan::outputs>>
using output_ref_t = std::conditional_t<has_slot_v<E>, slot_ref<Plan::data.outputs[O]>, E>;

//! The slot an operand reads (unused for a constant).
template <class Ref>
inline constexpr std::size_t slot_index_v = 0;
template <std::size_t K>
inline constexpr std::size_t slot_index_v<slot_ref<K>> = K;

//! `Op::apply` on the operands (a general `pow` on base and exponent).
template <class Op, class... Refs>
struct apply_instr {};
//! The sum of the operands, added as a balanced tree.
template <class... Refs>
struct sum_instr {};
//! \f$ (k_1 (k_2 \cdots k_n)) R \f$: constants read in place times the operand \p R.
template <class R, class... Ks>
struct scaled_instr {};
//! \f$ R^E \f$ with the constant exponent \p E: its kernel is picked at compile time.
template <class E, class R>
struct constant_pow_instr {};

//! How a node is evaluated.
enum class node_kind { apply, sum, scaled, constant_pow };

//! The kind of node \p N.
template <class N>
constexpr node_kind kind_of() {
    if constexpr (requires { N::arg; })
        return node_kind::apply;
    else if constexpr (std::is_same_v<typename N::op_type, add_op>)
        return node_kind::sum;
    else if constexpr (is_scaled_product_v<N>)
        return node_kind::scaled;
    else if constexpr (has_constant_exponent_v<N>)
        return node_kind::constant_pow;
    else
        return node_kind::apply;
}

//! The constants \f$ k_1, \dots, k_n \f$ in front of the scaled product \p N.
template <class N>
struct scale_factors {
    using type = type_list<>;
};
template <class A, class B>
requires is_scaled_product_v<binary<mul_op, A, B>>
struct scale_factors<binary<mul_op, A, B>> {
    using type = concat_t<type_list<A>, typename scale_factors<B>::type>;
};

//! The operands of slot \p S of \p Plan, whose types are \p L, as references.
template <class Plan, std::size_t S, class L, class = std::make_index_sequence<L::size>>
struct operand_refs;
template <class Plan, std::size_t S, class... Cs, std::size_t... K>
struct operand_refs<Plan, S, type_list<Cs...>, std::index_sequence<K...>> {
    using type = type_list<typename operand_ref<Plan, S, K, Cs>::type...>;
};

//! `Instr<Head..., Refs...>` for the list `type_list<Refs...>`.
template <template <class...> class Instr, class L, class... Head>
struct rebind;
template <template <class...> class Instr, class... Refs, class... Head>
struct rebind<Instr, type_list<Refs...>, Head...> {
    using type = Instr<Head..., Refs...>;
};
template <class... Refs>
struct first_of;
template <class R>
struct first_of<type_list<R>> {
    using type = R;
};

//! The instruction that computes slot \p S, node \p N, of \p Plan from its operands.
template <class Plan, std::size_t S, class N = node_at_t<Plan, S>, node_kind = kind_of<N>()>
struct instruction_of {
    using type = typename rebind<apply_instr, typename operand_refs<Plan, S, operands_t<N>>::type,
                                 typename N::op_type>::type;
};
template <class Plan, std::size_t S, class N>
struct instruction_of<Plan, S, N, node_kind::sum> {
    using type =
        typename rebind<sum_instr, typename operand_refs<Plan, S, operands_t<N>>::type>::type;
};
template <class Plan, std::size_t S, class N>
struct instruction_of<Plan, S, N, node_kind::scaled> {
    using type = typename rebind<
        scaled_instr, typename scale_factors<N>::type,
        typename first_of<typename operand_refs<Plan, S, operands_t<N>>::type>::type>::type;
};
template <class Plan, std::size_t S, class N>
struct instruction_of<Plan, S, N, node_kind::constant_pow> {
    using type = constant_pow_instr<
        decltype(N::rhs),
        typename first_of<typename operand_refs<Plan, S, operands_t<N>>::type>::type>;
};

//! The instruction of slot \p S of \p Plan.
template <class Plan, std::size_t S>
using instruction_t = typename instruction_of<Plan, S>::type;

//! The value of operand \p Ref: a slot, or a constant read in place.
template <class Ref, class T>
NABLA_ALWAYS_INLINE T read_operand(T const* slots, double const* pool) {
    if constexpr (is_rational_v<Ref>) {
        if constexpr (Ref::den == 1) {
            return T(static_cast<double>(Ref::num));
        } else {
            return T(T(static_cast<double>(Ref::num)) / T(static_cast<double>(Ref::den)));
        }
    } else if constexpr (is_runtime_constant_v<Ref>) {
        return T(pool[next_id_v<Ref> - 1]);
    } else {
        return slots[slot_index_v<Ref>];
    }
}

//! Runs an `apply_instr`: the operation on its operands' values.
template <class Op, class... Refs, class T>
NABLA_ALWAYS_INLINE T execute(apply_instr<Op, Refs...>, T const* slots, double const* pool) {
    if constexpr (std::is_same_v<Op, pow_op>) {
        using math::pow;
        return T(pow(read_operand<Refs>(slots, pool)...));
    } else {
        return Op::apply(read_operand<Refs>(slots, pool)...);
    }
}

//! The sum of terms [Begin, End), added as a balanced tree: a chain of n terms would be n
//! dependent additions; a tree is log2 n deep and rounds no worse. Templated on positions and
//! the count, not on the terms, so every sum of n terms shares the same few functions.
template <std::size_t Begin, std::size_t End, class T, std::size_t N>
NABLA_ALWAYS_INLINE T pairwise_sum(T const (&terms)[N]) {
    if constexpr (End - Begin == 1) {
        return terms[Begin];
    } else {
        constexpr std::size_t middle = Begin + (End - Begin) / 2;
        return T(pairwise_sum<Begin, middle>(terms) + pairwise_sum<middle, End>(terms));
    }
}

//! Runs a `sum_instr`. The terms go through a local array, so the balanced tree is templated
//! on positions only.
template <class... Refs, class T>
NABLA_ALWAYS_INLINE T execute(sum_instr<Refs...>, T const* slots, double const* pool) {
    const T terms[] = {read_operand<Refs>(slots, pool)...};
    return pairwise_sum<0, sizeof...(Refs)>(terms);
}

//! \f$ k_1 (k_2 (\cdots k_n)) \f$: the constants multiplied first, so that the compiler folds
//! them into one number (floating-point multiplication is not associative: written as
//! \f$ k_1 (k_2 R) \f$, each would stay a multiplication at run time).
template <class K, class... Ks, class T>
NABLA_ALWAYS_INLINE T scale(T const* slots, double const* pool) {
    if constexpr (sizeof...(Ks) == 0) {
        return read_operand<K>(slots, pool);
    } else {
        return T(read_operand<K>(slots, pool) * scale<Ks...>(slots, pool));
    }
}

//! Runs a `scaled_instr`.
template <class R, class... Ks, class T>
NABLA_ALWAYS_INLINE T execute(scaled_instr<R, Ks...>, T const* slots, double const* pool) {
    return T(scale<Ks...>(slots, pool) * read_operand<R>(slots, pool));
}

//! Runs a `constant_pow_instr`: repeated squaring, `sqrt` or `cbrt` for exact exponents,
//! `pow` otherwise (`op/scalar_math.hpp`).
template <class E, class R, class T>
NABLA_ALWAYS_INLINE T execute(constant_pow_instr<E, R>, T const* slots, double const* pool) {
    if constexpr (is_rational_v<E>) {
        return math::rational_pow<E::num, E::den>(read_operand<R>(slots, pool));
    } else {
        return math::runtime_pow(read_operand<R>(slots, pool), constant_value<E>(pool),
                                 constant_value<E, T>(pool));
    }
}

//! Evaluation of the plan \p Plan in scalar type \p T, with \p PoolSize captured numbers.
template <class Plan, class T, std::size_t PoolSize>
struct plan_state {
    using plan_type = Plan;
    //! The captured numbers.
    constant_pool<PoolSize> const& pool;
    //! One slot per distinct node.
    std::array<T, Plan::size> slots{};

    //! The value of node or constant \p A of the plan.
    template <class A>
    NABLA_ALWAYS_INLINE T value() const {
        if constexpr (has_slot_v<A>) {
            return slots[Plan::template slot<A>];
        } else {
            return read_operand<A>(slots.data(), pool.data());
        }
    }

    //! Calls `visit.template operator()<N>()` for every distinct node, children first.
    template <class Visit>
    void for_each_node(Visit&& visit) {
        [&]<std::size_t... S>(std::index_sequence<S...>) {
            // a list, not a fold: clang stops nesting folds at 256 elements
            (void)std::initializer_list<int>{
                0, (visit.template operator()<node_at_t<Plan, S>>(), 0)...};
        }
        (std::make_index_sequence<Plan::size>{});
    }

    //! Fills every slot: the symbols from \p inputs, then every other node in slot order
    //! (children first). One expression per slot in a single function; the only per-node code
    //! is `execute` over the slot's instruction. Lambdas must be forced inline too: clang++
    //! otherwise keeps them out of line, where the constants are unknown.
    template <class Inputs>
    NABLA_ALWAYS_INLINE void run(Inputs const& inputs) {
        constexpr auto const& d = Plan::data;
        [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
            (void)std::initializer_list<int>{
                0, (slots[d.loads[J]] = inputs.template operator()<node_at_t<Plan, d.loads[J]>>(),
                    0)...};
        }
        (std::make_index_sequence<Plan::symbols>{});
        T* const out = slots.data();
        double const* const numbers = pool.data();
        [&]<std::size_t... J>(std::index_sequence<J...>) NABLA_ALWAYS_INLINE_LAMBDA {
            (void)std::initializer_list<int>{
                0,
                (out[d.computed[J]] = execute(instruction_t<Plan, d.computed[J]>{}, out, numbers),
                 0)...};
        }
        (std::make_index_sequence<Plan::size - Plan::symbols>{});
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_PROGRAM_HPP
