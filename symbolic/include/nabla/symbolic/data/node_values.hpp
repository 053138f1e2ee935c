//! \file
//! \brief The values of the nodes of a data program for one row: scalars in slots, vectors and
//! matrices as pointers to storage, and the element-wise evaluation that fuses cheap vector
//! nodes into the loops that consume them.
#ifndef NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
#define NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP

#include <nabla/config.hpp>
#include <nabla/symbolic/data/lanes.hpp>
#include <nabla/symbolic/data/program.hpp>
#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/op/scalar_math.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>

namespace nabla::detail {

//! The node values of the program \p Program in scalar type \p T.
template <class T, class Program, std::size_t PoolSize>
struct node_values {
    static constexpr std::size_t count = Program::size == 0 ? 1 : Program::size;
    template <class N>
    static constexpr std::size_t at = Program::template index<N>;

    //! The captured numbers.
    constant_pool<PoolSize> const* pool = nullptr;
    //! Scalar nodes' values.
    std::array<T, count> scalar{};
    //! Vector and matrix nodes' storage (bindings, buffers), for stored nodes.
    std::array<T const*, count> ptr{};
    //! Vector lengths; matrix row counts.
    std::array<std::size_t, count> len{};
    //! Matrix column counts.
    std::array<std::size_t, count> cols{};

    //! The value of a scalar operand: a constant read in place, or a slot.
    template <class A>
    NABLA_ALWAYS_INLINE T scalar_value() const {
        if constexpr (is_constant_expr_v<A>) {
            return constant_value<A, T>(*pool);
        } else {
            return scalar[at<A>];
        }
    }

    //! \p Op applied element-wise to operand values \p args, of lane type \p L.
    template <class N, class L, class... Args>
    NABLA_ALWAYS_INLINE L apply(Args const&... args) const {
        using Op = typename N::op_type;
        if constexpr (std::is_same_v<Op, add_op>) {
            return L((args + ...));
        } else if constexpr (std::is_same_v<Op, mul_op>) {
            return L((args * ...));
        } else if constexpr (std::is_same_v<Op, pow_op>) {
            using E = decltype(N::rhs);
            const auto [base, exponent] = std::tuple<Args const&...>(args...);
            if constexpr (is_rational_v<E>) {
                return math::rational_pow<E::num, E::den>(base);
            } else if constexpr (is_constant_expr_v<E>) {
                return math::runtime_pow(base, constant_value<E>(*pool),
                                         L(constant_value<E, T>(*pool)));
            } else {
                using math::pow;
                return L(pow(base, exponent));
            }
        } else {
            return L(Op::apply(args...));
        }
    }

    //! Elements \f$ [k, k + \text{width}(L)) \f$ of the vector operand \p A (a scalar operand
    //! broadcasts).
    template <class A, class L>
    NABLA_ALWAYS_INLINE L element(std::size_t k) const {
        if constexpr (is_scalar_v<A>) {
            return L(scalar_value<A>());
        } else if constexpr (!is_lazy<A>() || is_symbol_v<A>) {
            return load_lanes<L>(ptr[at<A>] + k);
        } else if constexpr (is_fill_v<typename A::op_type>) {
            return L(scalar_value<decltype(A::arg)>());
        } else {
            static_assert(is_vector_v<A>);
            return apply<A, L>(element<decltype(A::lhs), L>(k), element<decltype(A::rhs), L>(k));
        }
    }

    //! Elements \f$ (i, [k, k + \text{width}(L))) \f$ of the matrix operand \p A.
    template <class A, class L>
    NABLA_ALWAYS_INLINE L element(std::size_t i, std::size_t k) const {
        if constexpr (is_scalar_v<A>) {
            return L(scalar_value<A>());
        } else if constexpr (!is_lazy<A>() || is_symbol_v<A>) {
            return load_lanes<L>(ptr[at<A>] + i * cols[at<A>] + k);
        } else if constexpr (is_fill_v<typename A::op_type>) {
            return L(scalar_value<decltype(A::arg)>());
        } else if constexpr (std::is_same_v<typename A::op_type, outer_op>) {
            return L(element<decltype(A::lhs), T>(i)) * element<decltype(A::rhs), L>(k);
        } else {
            return apply<A, L>(element<decltype(A::lhs), L>(i, k),
                               element<decltype(A::rhs), L>(i, k));
        }
    }

    //! \f$ \sum_{k < n} t(k) \f$ for terms \f$ t \f$ given in lanes: `term.template
    //! operator()<L>(k)`.
    template <class Term>
    NABLA_ALWAYS_INLINE T reduce(std::size_t n, Term const& term) const {
        batch_t<T> acc(T(0));
        T tail(0);
        for_each_lane<T>(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            if constexpr (width_v<L> == 1)
                tail += term.template operator()<L>(k);
            else
                acc += term.template operator()<L>(k);
        });
        if constexpr (width_v<batch_t<T>> == 1) {
            return T(acc + tail);
        } else {
            return T(sum_lanes<T>(acc) + tail);
        }
    }

    //! \f$ \sum_k a_k b_k \f$ over \p n elements (with \p B = `one_t`: \f$ \sum_k a_k \f$).
    template <class A, class B>
    NABLA_ALWAYS_INLINE T inner(std::size_t n) const {
        return reduce(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            return L(element<A, L>(k) * element<B, L>(k));
        });
    }

    //! \f$ \sum_k (M)_{ik} x_k \f$: row \p i of \p M times \p X, over \p n columns.
    template <class M, class X>
    NABLA_ALWAYS_INLINE T row_times(std::size_t i, std::size_t n) const {
        return reduce(n, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
            return L(element<M, L>(i, k) * element<X, L>(k));
        });
    }

    //! Computes the node \p N (not a symbol, lazy node or reduction) from its operands: a scalar
    //! into its slot, a vector into the buffer at \p out.
    template <class N>
    NABLA_ALWAYS_INLINE void compute(T* NABLA_RESTRICT out) {
        using Op = typename N::op_type;
        constexpr std::size_t i = at<N>;
        if constexpr (is_scalar_v<N>) {
            if constexpr (std::is_same_v<Op, dot_op>) {
                scalar[i] = inner<decltype(N::lhs), decltype(N::rhs)>(len[at<decltype(N::lhs)>]);
            } else if constexpr (std::is_same_v<Op, sum_op>) {
                scalar[i] = inner<decltype(N::arg), one_t>(len[at<decltype(N::arg)>]);
            } else if constexpr (std::is_same_v<Op, logsumexp_op>) {
                scalar[i] = log_sum_exp<decltype(N::arg)>();
            } else if constexpr (requires { N::arg; }) {
                scalar[i] = apply<N, T>(scalar_value<decltype(N::arg)>());
            } else {
                scalar[i] =
                    apply<N, T>(scalar_value<decltype(N::lhs)>(), scalar_value<decltype(N::rhs)>());
            }
        } else {
            static_assert(is_vector_v<N>, "nabla: element-wise functions of a matrix are not "
                                          "supported");
            if constexpr (std::is_same_v<Op, matvec_op>) {
                using M = decltype(N::lhs);
                const std::size_t n = cols[at<M>];
                for (std::size_t r = 0; r != len[i]; ++r)
                    out[r] = row_times<M, decltype(N::rhs)>(r, n);
            } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
                using M = decltype(N::lhs);
                using S = decltype(N::rhs);
                std::fill(out, out + len[i], T(0));
                for (std::size_t r = 0; r != len[at<M>]; ++r) {
                    const T s = element<S, T>(r);
                    for_each_lane<T>(
                        len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                            store_lanes(L(load_lanes<L>(out + k) + L(s) * element<M, L>(r, k)),
                                        out + k);
                        });
                }
            } else if constexpr (requires { N::arg; }) {
                for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                    store_lanes(apply<N, L>(element<decltype(N::arg), L>(k)), out + k);
                });
            } else {
                for_each_lane<T>(len[i], [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                    store_lanes(apply<N, L>(element<decltype(N::lhs), L>(k),
                                            element<decltype(N::rhs), L>(k)),
                                out + k);
                });
            }
            ptr[i] = out;
        }
    }

    //! \f$ m + \log \sum_k e^{v_k - m} \f$, \f$ m = \max_k v_k \f$.
    template <class A>
    T log_sum_exp() const {
        using std::exp;
        using std::log;
        using std::max;
        const std::size_t n = len[at<A>];
        T m = element<A, T>(0);
        for (std::size_t k = 1; k < n; ++k)
            m = max(m, element<A, T>(k));
        T s(0);
        for (std::size_t k = 0; k < n; ++k)
            s += exp(T(element<A, T>(k) - m));
        return T(m + log(s));
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_NODE_VALUES_HPP
