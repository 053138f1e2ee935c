//! \file
//! \brief The evaluation plan: compile-time common-subexpression elimination.
//!
//! Structurally equal subexpressions have the same type (constants included, see
//! `nabla::constant`), so the distinct subexpressions of a set of outputs are the distinct node
//! types reachable from them. The plan walks the outputs once, at compile time, depth first,
//! skipping any node it has met before, and gives every distinct node a slot, children before
//! parents. Evaluation replays that walk: each distinct node is computed exactly once, into its
//! slot, as straight-line code with no tape, no heap and no branch on the structure.
//!
//! The walk runs in constant evaluation over node identities (structural hashes, see
//! node_id.hpp), so it instantiates one small function per distinct node and no type lists of
//! them. It records, per slot, which operand of which node reached it first; from that record
//! `node_at_t<Plan, S>` recovers the node type of slot `S` by class templates alone, and
//! program.hpp turns it into an instruction over small types that the generated code runs.
#ifndef NABLA_SYMBOLIC_EVAL_PLAN_HPP
#define NABLA_SYMBOLIC_EVAL_PLAN_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/eval/node_id.hpp>
#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/expr/type_list.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <utility>
#include <vector>

namespace nabla::detail {

//! True for a power whose exponent is fixed before binding (exact or runtime constant): the
//! exponent is then part of the kernel, not a slot.
template <class E>
inline constexpr bool has_constant_exponent_v = false;
template <class A, class B>
inline constexpr bool has_constant_exponent_v<binary<pow_op, A, B>> = is_constant_expr_v<B>;

//! True for a product \f$ k R \f$ of a constant read in place and a factor that is not constant.
template <class E>
inline constexpr bool is_scaled_product_v = false;
template <class A, class B>
inline constexpr bool is_scaled_product_v<binary<mul_op, A, B>> =
    (is_rational_v<A> || is_runtime_constant_v<A>)&&!is_constant_expr_v<B>;

//! \f$ R \f$ in the product \f$ k_1 (k_2 (\dots R)) \f$: the factors after its constant prefix.
//! Canonical order puts constants first, so they always form a prefix. The plan multiplies them
//! together first, which the compiler folds into one number (\f$ -2 \cdot 100 \cdot 2 \f$ in a
//! Rosenbrock gradient); as written, each would be a multiplication at run time, since
//! floating-point multiplication is not associative and the compiler may not regroup it.
template <class E>
struct unscaled {
    using type = E;
};
template <class A, class B>
requires is_scaled_product_v<binary<mul_op, A, B>>
struct unscaled<binary<mul_op, A, B>> {
    using type = typename unscaled<B>::type;
};

//! True for nodes that get a slot; constants are read in place.
template <class N>
inline constexpr bool has_slot_v = !is_rational_v<N> && !is_runtime_constant_v<N>;

//! The terms of a sum chain, in order: a sum is evaluated as one node over all its terms.
template <class E>
struct sum_terms {
    using type = type_list<E>;
};
template <class A, class B>
struct sum_terms<binary<add_op, A, B>> {
    using type = concat_t<typename sum_terms<A>::type, type_list<B>>;
};

//! The operands the plan evaluates for node \p N, in order: the terms of a whole sum chain, the
//! non-constant part of a scaled product, the operands of other nodes but a constant exponent.
template <class N>
struct operands {
    using type = type_list<>;
};
template <class Op, class A>
struct operands<unary<Op, A>> {
    using type = type_list<A>;
};
template <class Op, class A, class B>
struct operands<binary<Op, A, B>> {
    using node = binary<Op, A, B>;
    using type = std::conditional_t<
        std::is_same_v<Op, add_op>, typename sum_terms<node>::type,
        std::conditional_t<
            is_scaled_product_v<node>, type_list<typename unscaled<node>::type>,
            std::conditional_t<has_constant_exponent_v<node>, type_list<A>, type_list<A, B>>>>;
};
template <class N>
using operands_t = typename operands<N>::type;

//! Calls `f.template operator()<C>()` for each operand \p C of \p N, in order.
template <class N, class F>
constexpr void for_each_operand(F&& f) {
    [&]<class... Cs>(type_list<Cs...>) {
        // a list, not a fold: a sum may have more terms than clang allows in a fold
        (void)std::initializer_list<int>{(f.template operator()<Cs>(), 0)...};
    }(operands_t<N>{});
}

//! The parent of an output: none.
inline constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

//! The record of a walk, per distinct node in the order it is first met (its discovery): the
//! discovery that reached it and its position among that node's operands (or, for an output,
//! no parent and its position among the outputs), whether it is a symbol, its slot and the slots
//! of its operands (`no_parent` for a constant operand, read in place); and the slot of each
//! output.
struct walk_log {
    std::vector<std::size_t> parent;
    std::vector<std::size_t> position;
    std::vector<char> symbol;
    std::vector<std::size_t> slot;
    std::vector<std::size_t> first_operand; // where its operands' slots start in `operands`
    std::vector<std::size_t> operands;      // flat: a node's operands after its operands' own
    std::vector<std::size_t> outputs;
    std::size_t distinct = 0;
    std::size_t symbols = 0;
    node_table table;
};

//! Walks node \p N, reached as operand \p position of discovery \p parent; returns its slot.
template <class N>
constexpr std::size_t walk(walk_log& log, std::size_t parent, std::size_t position) {
    if constexpr (has_slot_v<N>) {
        if (node_table::entry const& seen = log.table.find(id_of<N>); seen.used)
            return seen.slot;
        const std::size_t me = log.parent.size();
        log.parent.push_back(parent);
        log.position.push_back(position);
        log.symbol.push_back(is_symbol_v<N> ? 1 : 0);
        log.slot.push_back(0);
        log.first_operand.push_back(0);
        std::vector<std::size_t> operand_slots;
        for_each_operand<N>(
            [&]<class C>() { operand_slots.push_back(walk<C>(log, me, operand_slots.size())); });
        log.first_operand[me] = log.operands.size();
        for (std::size_t k : operand_slots)
            log.operands.push_back(k);
        // the slot is numbered after the operands': children first
        const std::size_t slot = log.distinct++;
        log.slot[me] = slot;
        log.symbols += is_symbol_v<N> ? 1 : 0;
        log.table.insert(id_of<N>, slot);
        return slot;
    } else {
        return no_parent;
    }
}

//! Where the walk first met a node: the slot of its parent (`no_parent` for an output) and its
//! position among the parent's operands (among the outputs for an output).
struct plan_node {
    std::size_t parent = no_parent;
    std::size_t position = 0;
};

//! The plan of the outputs \p Es: how many distinct nodes (`size`), where each was met, and the
//! slot of every node.
template <class... Es>
struct plan {
    //! The outputs.
    using outputs = type_list<Es...>;

    static constexpr walk_log record() {
        walk_log log;
        if constexpr (sizeof...(Es) != 0) {
            // An array of walkers, not a fold: clang limits folds to 256 elements.
            constexpr std::size_t (*walkers[])(walk_log&, std::size_t,
                                               std::size_t) = {&walk<Es>...};
            for (std::size_t o = 0; o != sizeof...(Es); ++o)
                log.outputs.push_back(walkers[o](log, no_parent, o));
        }
        return log;
    }
    static constexpr std::array<std::size_t, 4> counts = [] {
        const walk_log log = record();
        return std::array{log.distinct, log.symbols, log.table.entries.size(), log.operands.size()};
    }();
    //! The number of distinct nodes evaluated: one slot each.
    static constexpr std::size_t size = counts[0];
    //! How many of them are symbols, read from the inputs rather than computed.
    static constexpr std::size_t symbols = counts[1];
    static constexpr std::size_t table_size = counts[2];

    // By slot: where the walk met it, where its operands' slots start in `operand_slots`.
    struct plan_data {
        std::array<plan_node, size> nodes;
        std::array<std::size_t, size> first_operand;
        std::array<std::size_t, counts[3]> operand_slots;
        std::array<std::size_t, sizeof...(Es)> outputs;   // the slot of each output
        std::array<std::size_t, symbols> loads;           // the slots of symbols
        std::array<std::size_t, size - symbols> computed; // the other slots, in order
        std::array<node_table::entry, table_size> table;
    };
    static constexpr plan_data data = [] {
        const walk_log log = record();
        plan_data d{};
        std::size_t loads = 0;
        std::size_t computed = 0;
        std::array<std::size_t, size> discovery{}; // the discovery of each slot
        for (std::size_t i = 0; i != size; ++i)
            discovery[log.slot[i]] = i;
        for (std::size_t k = 0; k != counts[3]; ++k)
            d.operand_slots[k] = log.operands[k];
        for (std::size_t s = 0; s != size; ++s) {
            const std::size_t i = discovery[s];
            d.first_operand[s] = log.first_operand[i];
            d.nodes[s] = {log.parent[i] == no_parent ? no_parent : log.slot[log.parent[i]],
                          log.position[i]};
            if (log.symbol[i] != 0)
                d.loads[loads++] = s;
            else
                d.computed[computed++] = s;
        }
        for (std::size_t o = 0; o != sizeof...(Es); ++o)
            d.outputs[o] = log.outputs[o];
        for (std::size_t i = 0; i != table_size; ++i)
            d.table[i] = log.table.entries[i];
        return d;
    }();

    //! The slot of node \p N. Evaluation itself reads `data`; this is for callers that know a node
    //! by its type (verification).
    template <class N>
    static constexpr std::size_t slot = [] {
        std::size_t i = static_cast<std::size_t>(id_of<N>.first) & (table_size - 1);
        while (!(data.table[i].id == id_of<N>))
            i = (i + 1) & (table_size - 1);
        return data.table[i].slot;
    }();
};

//! \brief The plan of several outputs; `plan_t<Es...>::size` is the number of distinct nodes.
template <class... Es>
using plan_t = plan<Es...>;

//! The node type of slot \p S of \p Plan, found from the output down the chain of operands that
//! first reached it: one class instantiation per slot, memoised, nothing emitted.
template <class Plan, std::size_t S, bool Output = Plan::data.nodes[S].parent == no_parent>
struct node_at {
    using type = type_at_t<Plan::data.nodes[S].position, typename Plan::outputs>;
};
template <class Plan, std::size_t S>
struct node_at<Plan, S, false> {
    using type = type_at_t<Plan::data.nodes[S].position,
                           operands_t<typename node_at<Plan, Plan::data.nodes[S].parent>::type>>;
};
template <class Plan, std::size_t S>
using node_at_t = typename node_at<Plan, S>::type;

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_PLAN_HPP
