//! \file
//! \brief The 18 Moré–Garbow–Hillstrom problems of the unconstrained set (all of problems/ but
//! 1, 2 and 13) as value-and-gradient functions on raw pointers, so that every solver a benchmark
//! compares calls the same generated code. Shared by solvers_peers.cpp and stopping_rules.cpp.
#ifndef NABLA_BENCH_MGH_SET_HPP
#define NABLA_BENCH_MGH_SET_HPP

#include <nabla/problems/mgh_data.hpp>
#include <nabla/problems/mgh_functions.hpp>
#include <nabla/problems/mgh_small.hpp>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace bench {

//! One problem: its number and name in the paper, the standard start, and f (with the gradient
//! into `g` unless `g` is null).
struct mgh_problem {
    int number;
    std::string name;
    std::vector<double> x0;
    std::function<double(const double* x, double* g)> fg;
};

//! Problem `p` of problems/ behind mgh_problem's plain interface.
template <class F, std::size_t N, class Data>
mgh_problem make_mgh(nabla::problems::problem<F, N, Data> const& p) {
    return {p.number, std::to_string(p.number) + " " + std::string(p.name),
            std::vector<double>(p.start.begin(), p.start.end()),
            [o = nabla::problems::objective_of(p)](const double* x, double* g) {
                const std::span<const double> xs(x, N);
                return g ? o.value_gradient(xs, std::span<double>(g, N)) : o.value(xs);
            }};
}

//! The unconstrained set, in the paper's order.
inline std::vector<mgh_problem> unconstrained_set() {
    namespace np = nabla::problems;
    return {
        make_mgh(np::powell_badly_scaled()),
        make_mgh(np::brown_badly_scaled()),
        make_mgh(np::beale()),
        make_mgh(np::helical_valley()),
        make_mgh(np::gaussian()),
        make_mgh(np::gulf()),
        make_mgh(np::box_3d()),
        make_mgh(np::wood()),
        make_mgh(np::brown_dennis()),
        make_mgh(np::biggs_exp6()),
        make_mgh(np::watson()),
        make_mgh(np::extended_rosenbrock()),
        make_mgh(np::extended_powell_singular()),
        make_mgh(np::penalty_1()),
        make_mgh(np::penalty_2()),
        make_mgh(np::variably_dimensioned()),
        make_mgh(np::trigonometric()),
        make_mgh(np::chebyquad()),
    };
}

} // namespace bench

#endif // NABLA_BENCH_MGH_SET_HPP
