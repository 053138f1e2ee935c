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
//! The walk runs in constant evaluation over node identities (the address of a per-type tag),
//! so it instantiates one small function per distinct node and no type lists of them: compile
//! time and memory stay linear in the number of distinct nodes.
#ifndef NABLA_SYMBOLIC_EVAL_PLAN_HPP
#define NABLA_SYMBOLIC_EVAL_PLAN_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/expr/traits.hpp>
#include <nabla/symbolic/expr/type_list.hpp>
#include <nabla/symbolic/op/arithmetic.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
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

constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 29);
}
constexpr std::uint64_t hash_text(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
    for (char c : text)
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h;
}

//! The full name of type \p T as the compiler spells it: distinct types, distinct names.
template <class T>
constexpr std::string_view type_name() {
    return __PRETTY_FUNCTION__;
}

//! A structural hash of a node type with seed \p Seed, memoised per type. Two seeds give the
//! 128-bit identity the plan works with: node types, not addresses, because g++ does not accept
//! comparisons of addresses of distinct variables as constant expressions under
//! -fsanitize=undefined. Operations are hashed by their full type name, so two operations never
//! share an identity through a common `name`.
template <class N, std::uint64_t Seed>
inline constexpr std::uint64_t node_hash = [] {
    if constexpr (is_symbol_v<N>) {
        return mix(mix(Seed, 1), hash_text(N::name()));
    } else if constexpr (is_rational_v<N>) {
        return mix(mix(mix(Seed, 2), static_cast<std::uint64_t>(N::num)),
                   static_cast<std::uint64_t>(N::den));
    } else if constexpr (is_runtime_constant_v<N>) {
        return mix(mix(Seed, 3), next_id_v<N>);
    } else if constexpr (requires { N::arg; }) {
        return mix(mix(mix(Seed, 4), hash_text(type_name<typename N::op_type>())),
                   node_hash<decltype(N::arg), Seed>);
    } else {
        return mix(mix(mix(mix(Seed, 5), hash_text(type_name<typename N::op_type>())),
                       node_hash<decltype(N::lhs), Seed>),
                   node_hash<decltype(N::rhs), Seed>);
    }
}();

//! The identity of a node type: two independent 64-bit structural hashes.
struct node_id {
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    friend constexpr bool operator==(node_id, node_id) = default;
};
template <class N>
inline constexpr node_id id_of{node_hash<N, 0x6a09e667f3bcc908ULL>,
                               node_hash<N, 0xbb67ae8584caa73bULL>};

//! An open-addressing set of node identities with their slots.
struct node_table {
    struct entry {
        node_id id;
        std::size_t slot = 0;
        bool used = false;
    };
    std::vector<entry> entries = std::vector<entry>(64);
    std::size_t count = 0;

    //! The entry of \p id, or the unused entry where it would go.
    constexpr entry& find(node_id id) {
        std::size_t i = static_cast<std::size_t>(id.first) & (entries.size() - 1);
        while (entries[i].used && !(entries[i].id == id))
            i = (i + 1) & (entries.size() - 1);
        return entries[i];
    }
    constexpr void insert(node_id id, std::size_t slot) {
        if (2 * (count + 1) > entries.size()) { // keep the load under one half
            std::vector<entry> old(entries.size() * 2);
            old.swap(entries);
            for (auto const& e : old)
                if (e.used)
                    find(e.id) = e;
        }
        find(id) = {id, slot, true};
        ++count;
    }
};

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

//! The record of a walk: per step (a visit of a node with a slot), whether it is the node's
//! first visit and the step that follows its subtree; the distinct nodes in slot order.
struct walk_log {
    std::vector<char> first;
    std::vector<std::size_t> end;
    std::size_t distinct = 0;
    node_table table;
    std::vector<std::size_t> starts; // the first step of each output
};

template <class N>
constexpr void walk(walk_log& log) {
    if constexpr (has_slot_v<N>) {
        const std::size_t step = log.first.size();
        log.first.push_back(0);
        log.end.push_back(0);
        if (!log.table.find(id_of<N>).used) {
            log.first[step] = 1;
            for_each_operand<N>([&]<class C>() { walk<C>(log); });
            // the slot is numbered after the operands': children first
            log.table.insert(id_of<N>, log.distinct++);
        }
        log.end[step] = log.first.size();
    }
}

//! The plan of the outputs \p Es: how many distinct nodes (`size`), and the walk to replay.
template <class... Es>
struct plan {
    static constexpr walk_log record() {
        walk_log log;
        // An array of walkers, not a fold: clang limits folds to 256 elements.
        constexpr void (*walkers[])(walk_log&) = {&walk<Es>...};
        for (auto walker : walkers) {
            log.starts.push_back(log.first.size());
            walker(log);
        }
        return log;
    }
    static constexpr std::array<std::size_t, 3> counts = [] {
        const walk_log log = record();
        return std::array{log.first.size(), log.distinct, log.table.entries.size()};
    }();
    //! The number of distinct nodes evaluated: one slot each.
    static constexpr std::size_t size = counts[1];
    //! The number of steps of the walk (visits, repeated ones included).
    static constexpr std::size_t steps = counts[0];
    static constexpr std::size_t table_size = counts[2];

    struct walk_data {
        std::array<bool, steps> first;
        std::array<std::size_t, steps> end;
        std::array<node_table::entry, table_size> table;
        std::array<std::size_t, sizeof...(Es)> starts;
    };
    static constexpr walk_data data = [] {
        const walk_log log = record();
        walk_data d{};
        for (std::size_t i = 0; i != steps; ++i) {
            d.first[i] = log.first[i] != 0;
            d.end[i] = log.end[i];
        }
        for (std::size_t i = 0; i != table_size; ++i)
            d.table[i] = log.table.entries[i];
        for (std::size_t i = 0; i != sizeof...(Es); ++i)
            d.starts[i] = log.starts[i];
        return d;
    }();

    //! The slot of node \p N.
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

//! Evaluation of the plan \p Plan in scalar type \p T.
template <class Plan, class T, std::size_t PoolSize>
struct plan_state;

template <class... Es, class T, std::size_t PoolSize>
struct plan_state<plan<Es...>, T, PoolSize> {
    using plan_type = plan<Es...>;
    //! The captured numbers.
    constant_pool<PoolSize> const& pool;
    //! One slot per distinct node.
    std::array<T, plan_type::size> slots{};

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
            return slots[plan_type::template slot<A>];
        }
    }

    //! \f$ k_1 k_2 \cdots k_n \f$, the constant prefix of the scaled product \p E.
    template <class E>
    NABLA_ALWAYS_INLINE T scale() const {
        if constexpr (is_scaled_product_v<decltype(E::rhs)>) {
            return T(value<decltype(E::lhs)>() * scale<decltype(E::rhs)>());
        } else {
            return value<decltype(E::lhs)>();
        }
    }

    //! The sum of terms [Begin, End) of \p Terms, added as a balanced tree: a chain of n terms
    //! would be n dependent additions; a tree is log2 n deep and rounds no worse.
    template <class Terms, std::size_t Begin, std::size_t End>
    NABLA_ALWAYS_INLINE T pairwise_sum() const {
        if constexpr (End - Begin == 1) {
            return value<type_at_t<Begin, Terms>>();
        } else {
            constexpr std::size_t middle = Begin + (End - Begin) / 2;
            return T(pairwise_sum<Terms, Begin, middle>() + pairwise_sum<Terms, middle, End>());
        }
    }

    //! The value of node \p N from its operands' slots.
    template <class N, class Inputs>
    NABLA_ALWAYS_INLINE T compute(Inputs const& inputs) const {
        if constexpr (is_symbol_v<N>) {
            return inputs.template operator()<N>();
        } else if constexpr (std::is_same_v<typename N::op_type, add_op>) {
            using terms = operands_t<N>;
            return pairwise_sum<terms, 0, terms::size>();
        } else if constexpr (is_scaled_product_v<N>) {
            return T(scale<N>() * value<typename unscaled<N>::type>());
        } else if constexpr (requires { N::arg; }) {
            return N::op_type::apply(value<decltype(N::arg)>());
        } else if constexpr (std::is_same_v<typename N::op_type, pow_op>) {
            using B = decltype(N::lhs);
            using E = decltype(N::rhs);
            if constexpr (is_rational_v<E>) {
                return math::rational_pow<E::num, E::den>(value<B>());
            } else if constexpr (is_constant_expr_v<E>) {
                return math::runtime_pow(value<B>(), constant_value<E>(pool),
                                         constant_value<E, T>(pool));
            } else {
                using math::pow;
                return T(pow(value<B>(), value<E>()));
            }
        } else {
            return N::op_type::apply(value<decltype(N::lhs)>(), value<decltype(N::rhs)>());
        }
    }

    //! Replays the walk from step \p Step at node \p N, calling `visit.template operator()<M>()`
    //! once for every distinct node \p M, operands first.
    template <class N, std::size_t Step, class Visit>
    NABLA_ALWAYS_INLINE void replay(Visit& visit) {
        if constexpr (has_slot_v<N> && plan_type::data.first[Step]) {
            replay_operands<N, Step + 1>(visit);
            visit.template operator()<N>();
        }
    }
    template <class N, std::size_t Step, class Visit>
    NABLA_ALWAYS_INLINE void replay_operands(Visit& visit) {
        replay_list<Step>(visit, operands_t<N>{});
    }
    template <std::size_t Step, class Visit, class C, class... Cs>
    NABLA_ALWAYS_INLINE void replay_list(Visit& visit, type_list<C, Cs...>) {
        replay<C, Step>(visit);
        if constexpr (sizeof...(Cs) != 0) {
            constexpr std::size_t next = has_slot_v<C> ? plan_type::data.end[Step] : Step;
            replay_list<next>(visit, type_list<Cs...>{});
        }
    }
    template <std::size_t Step, class Visit>
    NABLA_ALWAYS_INLINE void replay_list(Visit&, type_list<>) {}

    //! Calls `visit.template operator()<N>()` for every distinct node, children first.
    template <class Visit>
    NABLA_ALWAYS_INLINE void for_each_node(Visit&& visit) {
        constexpr std::size_t outputs = sizeof...(Es);
        // Lambdas too must be forced inline: clang++ otherwise keeps the walk out of line, where
        // the constants are unknown (10x slower rosenbrock2 gradient).
        [&]<std::size_t... B>(std::index_sequence<B...>) NABLA_ALWAYS_INLINE_LAMBDA {
            (replay_block<B * block>(
                 visit, std::make_index_sequence<std::min(block, outputs - B * block)>{}),
             ...);
        }
        (std::make_index_sequence<(outputs + block - 1) / block>{});
    }

    // Outputs are replayed in folds of at most `block`: clang nests a fold once per element and
    // stops at 256, and a Hessian of 22 symbols already has 276 outputs.
    static constexpr std::size_t block = 128;
    template <std::size_t Base, class Visit, std::size_t... K>
    NABLA_ALWAYS_INLINE void replay_block(Visit& visit, std::index_sequence<K...>) {
        using outputs = type_list<Es...>;
        (replay<type_at_t<Base + K, outputs>, plan_type::data.starts[Base + K]>(visit), ...);
    }

    //! Fills every slot, children first.
    template <class Inputs>
    NABLA_ALWAYS_INLINE void run(Inputs const& inputs) {
        for_each_node([&]<class N>() NABLA_ALWAYS_INLINE_LAMBDA {
            slots[plan_type::template slot<N>] = compute<N>(inputs);
        });
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_PLAN_HPP
