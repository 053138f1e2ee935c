//! \file
//! \brief The layout of a data program's run: where each symbol's binding is, how long every
//! vector is, and where every buffer and accumulator lives; checked once, before any row is read.
#ifndef NABLA_SYMBOLIC_DATA_LAYOUT_HPP
#define NABLA_SYMBOLIC_DATA_LAYOUT_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/data/node_values.hpp>
#include <nabla/symbolic/expr/symbols.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace nabla::detail {

//! The position of the binding named like symbol \p S among \p Bs (their count if none).
template <class S, class... Bs>
inline constexpr std::size_t binding_index_v = [] {
    constexpr std::array<bool, sizeof...(Bs) + 1> match{(Bs::name() == S::name())..., true};
    return static_cast<std::size_t>(std::find(match.begin(), match.end(), true) - match.begin());
}();

template <class S, class Tuple>
struct binding_index;
template <class S, class... Bs>
struct binding_index<S, std::tuple<Bs...>> {
    static constexpr std::size_t value = binding_index_v<S, Bs...>;
};

//! Parameter symbols (and directions) by shape.
template <class N>
inline constexpr bool is_parameter_v = is_symbol_v<N> && !is_data_symbol_v<N>;
template <class N>
inline constexpr bool is_scalar_parameter_v = is_parameter_v<N>&& is_scalar_v<N>;
template <class N>
inline constexpr bool is_vector_parameter_v = is_parameter_v<N>&& is_vector_v<N>;
template <class N>
inline constexpr bool is_matrix_parameter_v = is_parameter_v<N>&& is_matrix_v<N>;

//! The names of the symbols of \p E, for messages.
template <class E>
std::string symbol_names() {
    std::string out;
    [&]<class... Ss>(type_list<Ss...>) {
        ((out += (out.empty() ? "" : ", ") + std::string(Ss::name())), ...);
    }(free_symbols_t<E>{});
    return "{" + out + "}";
}

//! Bindings, lengths and storage of a run of the program \p Program in scalar type \p T on
//! \p Data with the parameter bindings \p Params, in groups of \p Group rows.
template <class T, class Program, std::size_t PoolSize, class Data, class Params, std::size_t Group>
class data_layout {
public:
    using values_type = node_values<T, Program, PoolSize, Group>;
    static constexpr std::size_t count = values_type::count;
    template <class N>
    static constexpr std::size_t at = Program::template index<N>;
    //! The batch type, its lanes across rows, and how many rows are evaluated together.
    using batch = typename values_type::batch;
    using row_batch = typename values_type::row_batch;
    static constexpr std::size_t group = values_type::group;

    //! Looks up every binding and sizes every node; throws `data_error` on a mismatch.
    data_layout(constant_pool<PoolSize> const& pool, Data const& data, Params const& params)
        : data_(data), params_(params) {
        shared_.pool = &pool;
        for_each_node([&]<class N>() { size<N>(); });
        shared_arena_.resize(shared_size_);
    }

protected:
    template <class F>
    NABLA_ALWAYS_INLINE static void for_each_node(F&& f) {
        [&]<class... Ns>(type_list<Ns...>) NABLA_ALWAYS_INLINE_LAMBDA {
            (f.template operator()<Ns>(), ...);
        }(typename Program::nodes{});
    }

    void mismatch(std::string const& what) const { throw data_error("nabla: " + what); }

    template <class S>
    auto const& param_binding() const {
        constexpr std::size_t k = binding_index<S, Params>::value;
        static_assert(k < std::tuple_size_v<Params>, "nabla::eval: a parameter symbol of the "
                                                     "expression has no binding");
        return std::get<k>(params_);
    }
    template <class S>
    auto const& data_binding() const {
        using B = std::remove_cvref_t<decltype(data_.bindings())>;
        constexpr std::size_t k = binding_index<S, B>::value;
        static_assert(k < std::tuple_size_v<B>, "nabla::eval: a data symbol of the expression "
                                                "is not in the dataset");
        return std::get<k>(data_.bindings());
    }

    //! Lengths, and storage offsets, of node \p N; checks that its operands agree.
    template <class N>
    void size() {
        constexpr std::size_t i = at<N>;
        auto& v = shared_;
        if constexpr (is_scalar_parameter_v<N>) {
        } else if constexpr (is_vector_parameter_v<N>) {
            v.len[i] = param_binding<N>().value.size();
            if constexpr (!std::is_same_v<
                              std::remove_cvref_t<decltype(param_binding<N>().value[0])>, T>)
                offset_[i] = take(shared_size_, v.len[i]);
        } else if constexpr (is_matrix_parameter_v<N>) {
            v.len[i] = param_binding<N>().value.rows;
            v.cols[i] = param_binding<N>().value.cols;
            if constexpr (!std::is_same_v<
                              std::remove_cvref_t<decltype(*param_binding<N>().value.data)>, T>)
                offset_[i] = take(shared_size_, v.len[i] * v.cols[i]);
        } else if constexpr (symbol_kind_v<N> == 4) {
            v.len[i] = data_binding<N>().value.cols;
            if constexpr (!std::is_same_v<
                              std::remove_cvref_t<decltype(*data_binding<N>().value.data)>, T>)
                offset_[i] = take(worker_size_, v.len[i] * group);
        } else if constexpr (symbol_kind_v<N> == 5) {
        } else if constexpr (is_reduction_node_v<N>) {
            using A = decltype(N::arg);
            v.len[i] = v.len[at<A>];
            v.cols[i] = v.cols[at<A>];
            const std::size_t n = is_matrix_v<N>   ? v.len[i] * v.cols[i]
                                  : is_vector_v<N> ? v.len[i]
                                                   : 1;
            // a scalar accumulates in lanes, one per row of the group
            accumulator_[i] = take(accumulator_size_, is_scalar_v<N> ? group : n);
            if constexpr (!is_scalar_v<N>)
                offset_[i] = take(shared_size_, n);
        } else if constexpr (is_scalar_v<N>) {
            if constexpr (std::is_same_v<typename N::op_type, dot_op>) {
                agree<N>(v.len[at<decltype(N::lhs)>], v.len[at<decltype(N::rhs)>]);
                agree<N>(v.cols[at<decltype(N::lhs)>], v.cols[at<decltype(N::rhs)>]);
            }
        } else {
            using Op = typename N::op_type;
            if constexpr (std::is_same_v<Op, matvec_op>) {
                agree<N>(v.cols[at<decltype(N::lhs)>], v.len[at<decltype(N::rhs)>]);
                v.len[i] = v.len[at<decltype(N::lhs)>];
            } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
                agree<N>(v.len[at<decltype(N::lhs)>], v.len[at<decltype(N::rhs)>]);
                v.len[i] = v.cols[at<decltype(N::lhs)>];
            } else if constexpr (is_fill_v<Op>) {
                using S = typename Op::symbol_type;
                auto const& b = param_binding<S>().value;
                if constexpr (is_matrix_v<N>) {
                    v.len[i] = b.rows;
                    v.cols[i] = b.cols;
                } else {
                    v.len[i] = b.size();
                }
            } else if constexpr (std::is_same_v<Op, outer_op>) {
                v.len[i] = v.len[at<decltype(N::lhs)>];
                v.cols[i] = v.len[at<decltype(N::rhs)>];
            } else if constexpr (requires { N::arg; }) {
                v.len[i] = v.len[at<decltype(N::arg)>];
                v.cols[i] = v.cols[at<decltype(N::arg)>];
            } else {
                using A = decltype(N::lhs);
                using B = decltype(N::rhs);
                if constexpr (!is_scalar_v<A> && !is_scalar_v<B>) {
                    agree<N>(v.len[at<A>], v.len[at<B>]);
                    agree<N>(v.cols[at<A>], v.cols[at<B>]);
                }
                if constexpr (is_scalar_v<A>) {
                    v.len[i] = v.len[at<B>];
                    v.cols[i] = v.cols[at<B>];
                } else {
                    v.len[i] = v.len[at<A>];
                    v.cols[i] = v.cols[at<A>];
                }
            }
            if constexpr (!is_lazy<N>()) {
                if constexpr (phase_of<N>() == phase::per_row)
                    offset_[i] = take(worker_size_, v.len[i] * group);
                else
                    offset_[i] = take(shared_size_, v.len[i]);
            }
        }
    }

    template <class N>
    void agree(std::size_t a, std::size_t b) const {
        if (a != b)
            mismatch("the operands of '" + std::string(N::op_type::name) + "' over " +
                     symbol_names<N>() + " have lengths " + std::to_string(a) + " and " +
                     std::to_string(b));
    }

    //! Reserves \p n elements at the end of a buffer of \p total, starting on a cache line.
    static std::size_t take(std::size_t& total, std::size_t n) {
        const std::size_t at = whole_lines<T>(total);
        total = at + n;
        return at;
    }

    Data const& data_;
    Params const& params_;
    values_type shared_;
    lane_vector<T> shared_arena_;
    std::array<std::size_t, count> offset_{};
    std::array<std::size_t, count> accumulator_{};
    std::size_t shared_size_ = 0;
    std::size_t worker_size_ = 0;
    std::size_t accumulator_size_ = 0;
    std::size_t accumulator_begin_ = 0;
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_LAYOUT_HPP
