//! \file
//! \brief Identities of node types for the plan: structural hashes computed at compile time,
//! and an open-addressing table from identities to slots.
#ifndef NABLA_SYMBOLIC_EVAL_NODE_ID_HPP
#define NABLA_SYMBOLIC_EVAL_NODE_ID_HPP

#include <nabla/symbolic/expr/traits.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nabla::detail {

//! Mixes \p v into the hash \p h (a 64-bit finaliser after a boost-style combine).
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 29);
}
//! FNV-1a hash of \p text.
constexpr std::uint64_t hash_text(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
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

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_EVAL_NODE_ID_HPP
