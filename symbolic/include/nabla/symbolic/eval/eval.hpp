//! \file
//! \brief `nabla::eval` and `nabla::eval_all`: values of expressions, gradients and Hessians in
//! any scalar type, through one common-subexpression-free plan.
#ifndef NABLA_SYMBOLIC_EVAL_EVAL_HPP
#define NABLA_SYMBOLIC_EVAL_EVAL_HPP

#include <nabla/symbolic/diff/gradient.hpp>
#include <nabla/symbolic/eval/program.hpp>
#include <nabla/symbolic/expr/symbols.hpp>

#include <boost/hana/unpack.hpp>

#include <array>
#include <initializer_list>
#include <tuple>
#include <type_traits>
#include <utility>

namespace nabla {

//! \brief Value, gradient and Hessian of a function at a point: the result of `eval_all`.
//! Destructure it: `auto [value, gradient, hessian] = eval_all(...)`.
template <class T, std::size_t N>
struct evaluation {
    //! \f$ f(x) \f$.
    T value;
    //! \f$ \nabla f(x) \f$.
    std::array<T, N> gradient;
    //! \f$ \nabla^2 f(x) \f$, both triangles filled.
    matrix<T, N, N> hessian;
};

//! \brief Value and gradient of a function at a point: the result of `eval_gradient`.
template <class T, std::size_t N>
struct value_and_gradient {
    //! \f$ f(x) \f$.
    T value;
    //! \f$ \nabla f(x) \f$.
    std::array<T, N> gradient;
};

namespace detail {

template <class B>
using binding_value_t = std::remove_cvref_t<decltype(std::declval<B>().value)>;

template <class V, class... Bs>
inline constexpr std::size_t binding_count_v = ((Bs::name() == V::name() ? 1 : 0) + ... + 0);

template <class... Bs>
constexpr bool no_name_twice() {
    constexpr std::array<std::string_view, sizeof...(Bs)> names{Bs::name()...};
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j)
            if (names[i] == names[j])
                return false;
    return true;
}

template <class... Vs, class... Bs>
constexpr bool all_bound(type_list<Vs...>, type_list<Bs...>) {
    return ((binding_count_v<Vs, Bs...> >= 1) && ...);
}

//! The free symbols of an expression or of every element of a collection, sorted by name.
template <class F>
struct output_symbols {
    using type = free_symbols_t<F>;
};
template <class... Es>
struct output_symbols<expression_vector<Es...>> {
    using type = typename union_of<free_symbols_t<Es>...>::type;
};
template <std::size_t N, class... Es>
struct output_symbols<symmetric_expression_matrix<N, Es...>> {
    using type = typename union_of<free_symbols_t<Es>...>::type;
};

//! The expressions of an output: itself, or the elements of a gradient or Hessian.
template <class F>
struct outputs_list {
    using type = type_list<F>;
};
template <class... Es>
struct outputs_list<expression_vector<Es...>> {
    using type = type_list<Es...>;
};
template <std::size_t N, class... Es>
struct outputs_list<symmetric_expression_matrix<N, Es...>> {
    using type = type_list<Es...>;
};

//! The value bound to symbol \p V among \p bs, converted to \p T.
template <class T, class V, class B, class... Bs>
NABLA_ALWAYS_INLINE T bound_value(B const& b, Bs const&... bs) {
    if constexpr (B::name() == V::name()) {
        return T(b.value);
    } else {
        return bound_value<T, V>(bs...);
    }
}

template <class... Es>
constexpr std::size_t pool_size_v = std::max({std::size_t{0}, next_id_v<Es>...});

//! Runs the plan of \p outs (a pack of expressions) and hands the state to \p read.
template <class T, class Inputs, class Read, class... Es>
NABLA_ALWAYS_INLINE auto run_plan(Inputs const& inputs, Read&& read, Es const&... outs) {
    using nodes = plan_t<Es...>;
    constexpr std::size_t pool_size = pool_size_v<Es...>;
    constant_pool<pool_size> pool{};
    // A list, not a fold: clang limits folds to 256 elements, and a Hessian may have more.
    (void)std::initializer_list<int>{(collect_constants(pool, outs), 0)...};
    plan_state<nodes, T, pool_size> state{pool};
    state.run(inputs);
    return read(state);
}

//! Runs the plan of the outputs \p Es (types only: nothing is built at run time) and hands the
//! state to \p read. Differentiation only copies constants, so the runtime constants of
//! derivatives of \p f are all in \p f: the pool is read from \p f alone.
template <class T, class... Es, class Inputs, class Read, class F>
NABLA_ALWAYS_INLINE auto run_plan_of(type_list<Es...>, Inputs const& inputs, Read&& read,
                                     F const& f) {
    static_assert(pool_size_v<Es...> <= next_id_v<F>, "nabla: a derivative has a new constant");
    using nodes = plan_t<Es...>;
    constexpr std::size_t pool_size = next_id_v<F>;
    constant_pool<pool_size> pool{};
    collect_constants(pool, f);
    plan_state<nodes, T, pool_size> state{pool};
    state.run(inputs);
    return read(state);
}

//! The expressions of an `expression_vector` or of a Hessian's upper triangle, as a type list.
template <class C>
struct elements_of;
template <class... Es>
struct elements_of<expression_vector<Es...>> {
    using type = type_list<Es...>;
};
template <std::size_t N, class... Es>
struct elements_of<symmetric_expression_matrix<N, Es...>> {
    using type = type_list<Es...>;
};
template <class C>
using elements_of_t = typename elements_of<C>::type;

template <class F>
struct outputs_of {
    static constexpr auto get(F const& f) { return boost::hana::make_tuple(f); }
};
template <class... Es>
struct outputs_of<expression_vector<Es...>> {
    static constexpr auto const& get(expression_vector<Es...> const& v) { return v.elements; }
};
template <std::size_t N, class... Es>
struct outputs_of<symmetric_expression_matrix<N, Es...>> {
    static constexpr auto const& get(symmetric_expression_matrix<N, Es...> const& m) {
        return m.upper;
    }
};

//! Reads outputs from the state of a plan: \p F is output \p Offset of the plan, or, for a
//! collection, its elements are outputs \p Offset, \p Offset + 1, ... Each read is an operand
//! reference (a slot number or a constant): no code templated on the plan or the expression.
template <class F, class T, std::size_t Offset = 0>
struct result_of_eval {
    template <class State>
    NABLA_ALWAYS_INLINE static T read(State const& s) {
        using plan_type = typename State::plan_type;
        return read_operand<output_ref_t<plan_type, Offset>>(s.slots.data(), s.pool.data());
    }
};
template <class... Es, class T, std::size_t Offset>
struct result_of_eval<expression_vector<Es...>, T, Offset> {
    template <class State, std::size_t... I>
    NABLA_ALWAYS_INLINE static std::array<T, sizeof...(Es)> read(State const& s,
                                                                 std::index_sequence<I...>) {
        using plan_type = typename State::plan_type;
        return {
            read_operand<output_ref_t<plan_type, Offset + I>>(s.slots.data(), s.pool.data())...};
    }
    template <class State>
    NABLA_ALWAYS_INLINE static std::array<T, sizeof...(Es)> read(State const& s) {
        return read(s, std::index_sequence_for<Es...>{});
    }
};
template <std::size_t N, class... Es, class T, std::size_t Offset>
struct result_of_eval<symmetric_expression_matrix<N, Es...>, T, Offset> {
    using stored = symmetric_expression_matrix<N, Es...>;
    //! The entries K = iN + j of the full matrix that are not structural zeros, with their
    //! positions in the upper triangle. Zeros are left to the zero fill, which the compiler
    //! vectorises (one store per entry costs more).
    static constexpr auto filled = [] {
        std::array<std::pair<std::size_t, std::size_t>, N * N> k{};
        std::size_t count = 0;
        for (std::size_t i = 0; i != N * N; ++i)
            if (!stored::is_structural_zero(i / N, i % N))
                k[count++] = {i, stored::upper_index(i / N, i % N)};
        return std::pair{k, count};
    }();
    template <class State, std::size_t... J>
    NABLA_ALWAYS_INLINE static matrix<T, N, N> read(State const& s, std::index_sequence<J...>) {
        using plan_type = typename State::plan_type;
        matrix<T, N, N> m{};
        // an expansion in a braced list, not a fold: clang stops nesting folds at 256
        (void)std::initializer_list<int>{
            0, (m.data[filled.first[J].first] =
                    read_operand<output_ref_t<plan_type, Offset + filled.first[J].second>>(
                        s.slots.data(), s.pool.data()),
                0)...};
        return m;
    }
    template <class State>
    NABLA_ALWAYS_INLINE static matrix<T, N, N> read(State const& s) {
        return read(s, std::make_index_sequence<filled.second>{});
    }
};

//! Reads the result of `eval` from a plan's state. A named type, not a lambda: g++ 12 mixes up
//! the closure types of a captureless lambda nested in `eval`'s generic lambda across scalar
//! types, so evaluating one expression in double and in another type failed to compile.
template <class F, class T>
struct read_result {
    template <class State>
    NABLA_ALWAYS_INLINE auto operator()(State const& s) const {
        return result_of_eval<F, T>::read(s);
    }
};

} // namespace detail

//! \brief Evaluates an expression, a gradient or a Hessian with symbols bound by name, in any
//! order: `eval(f, x = 1.5, y = 2.0)`.
//!
//! The scalar type is that of the bound values (the common type if they differ): bind
//! `cpp_bin_float_50` or `xsimd::batch<double>` values and the same expression evaluates in that
//! type. Returns a scalar for an expression, `std::array<T, N>` for an `expression_vector` and a
//! `matrix<T, N, N>` for a Hessian. Every distinct subexpression is computed once.
template <class F, class... Bs>
auto eval(F const& f, Bs const&... bindings) {
    constexpr bool bindings_ok = (is_binding_v<Bs> && ...);
    static_assert(bindings_ok, "nabla::eval: after the expression, pass bindings such as x = 1.0");
    constexpr bool scalar_level = []<class... Es>(detail::type_list<Es...>) {
        return (is_scalar_level_v<Es> && ...);
    }(typename detail::outputs_list<F>::type{});
    static_assert(scalar_level,
                  "nabla::eval: the expression uses vectors, matrices or data symbols; evaluate "
                  "it over a dataset: #include <nabla/data.hpp> and call "
                  "eval(f, nabla::dataset(x = X, ...), w = w0, ...)");
    if constexpr (bindings_ok && scalar_level) {
        constexpr bool once = detail::no_name_twice<Bs...>();
        static_assert(once, "nabla::eval: a symbol is bound twice");
        constexpr bool complete = detail::all_bound(typename detail::output_symbols<F>::type{},
                                                    detail::type_list<Bs...>{});
        static_assert(complete, "nabla::eval: a symbol of the expression has no value; bind "
                                "every symbol, e.g. eval(f, x = 1.0, y = 2.0)");
        if constexpr (once && complete) {
            using T =
                typename std::conditional_t<sizeof...(Bs) == 0, std::type_identity<double>,
                                            std::common_type<detail::binding_value_t<Bs>...>>::type;
            const auto inputs = [&]<class V>() -> T {
                return detail::bound_value<T, V>(bindings...);
            };
            return boost::hana::unpack(detail::outputs_of<F>::get(f), [&](auto const&... outs) {
                return detail::run_plan<T>(inputs, detail::read_result<F, T>{}, outs...);
            });
        }
    }
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_EVAL_EVAL_HPP
