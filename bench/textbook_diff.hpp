//! \file
//! \brief A textbook differentiator, for counting nodes only: the chain, product and power rules
//! applied literally over nabla's node types, with none of nabla's simplifying constructors
//! (no folding, no dropping of zeros and ones, no collecting of terms). It yields the size of the
//! derivative "before simplification"; nothing here is ever evaluated.
#ifndef NABLA_BENCH_TEXTBOOK_DIFF_HPP
#define NABLA_BENCH_TEXTBOOK_DIFF_HPP

#include <nabla/nabla.hpp>

namespace bench::textbook {

using nabla::binary;
using nabla::one_t;
using nabla::rational;
using nabla::unary;
using nabla::zero_t;

template <class V, class E>
struct diff {
    using type = zero_t; // constants and other symbols
};
template <class V, class E>
using diff_t = typename diff<V, E>::type;

template <class V>
struct diff<V, V> {
    using type = one_t;
};

//! (a + b)' = a' + b'
template <class V, class A, class B>
struct diff<V, binary<nabla::add_op, A, B>> {
    using type = binary<nabla::add_op, diff_t<V, A>, diff_t<V, B>>;
};

//! (a b)' = a' b + a b'
template <class V, class A, class B>
struct diff<V, binary<nabla::mul_op, A, B>> {
    using type = binary<nabla::add_op, binary<nabla::mul_op, diff_t<V, A>, B>,
                        binary<nabla::mul_op, A, diff_t<V, B>>>;
};

//! (u^c)' = c u^(c + (-1)) u' for a constant c; (u^v)' = u^v (v' log u + v u' u^(-1)) otherwise.
template <class V, class A, class B>
struct diff<V, binary<nabla::pow_op, A, B>> {
    using constant_exponent = binary<
        nabla::mul_op,
        binary<nabla::mul_op, B, binary<nabla::pow_op, A, binary<nabla::add_op, B, rational<-1>>>>,
        diff_t<V, A>>;
    using general = binary<
        nabla::mul_op, binary<nabla::pow_op, A, B>,
        binary<
            nabla::add_op, binary<nabla::mul_op, diff_t<V, B>, unary<nabla::log_op, A>>,
            binary<nabla::mul_op, B,
                   binary<nabla::mul_op, diff_t<V, A>, binary<nabla::pow_op, A, rational<-1>>>>>>;
    using type = std::conditional_t<nabla::is_constant_expr_v<B>, constant_exponent, general>;
};

//! f'(u) for the unary operations the benchmark functions use.
template <class Op, class A>
struct outer {
    static_assert(sizeof(Op) == 0, "textbook_diff: add the outer derivative of this operation");
};
template <class A>
struct outer<nabla::exp_op, A> {
    using type = unary<nabla::exp_op, A>;
};
template <class A>
struct outer<nabla::log_op, A> {
    using type = binary<nabla::pow_op, A, rational<-1>>;
};
template <class A>
struct outer<nabla::softplus_op, A> {
    using type = unary<nabla::sigmoid_op, A>;
};
template <class A>
struct outer<nabla::sigmoid_op, A> {
    using type = binary<nabla::mul_op, unary<nabla::sigmoid_op, A>,
                        binary<nabla::add_op, one_t,
                               binary<nabla::mul_op, rational<-1>, unary<nabla::sigmoid_op, A>>>>;
};

//! f(u)' = f'(u) u'
template <class V, class Op, class A>
struct diff<V, unary<Op, A>> {
    using type = binary<nabla::mul_op, typename outer<Op, A>::type, diff_t<V, A>>;
};

} // namespace bench::textbook

#endif // NABLA_BENCH_TEXTBOOK_DIFF_HPP
