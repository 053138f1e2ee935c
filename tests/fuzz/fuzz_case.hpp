// One fuzz case: expression number I of generator.hpp, checked by nabla::verify at
// points_per_case random points, and what the whole run collects. Each slice translation unit
// (slice.cpp, compiled several times with -DFUZZ_FIRST=.. -DFUZZ_COUNT=..) registers its cases
// here; main.cpp runs them all in one test case and prints the summary.
#ifndef NABLA_TESTS_FUZZ_FUZZ_CASE_HPP
#define NABLA_TESTS_FUZZ_FUZZ_CASE_HPP

#include "generator.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

namespace nabla_fuzz {

inline constexpr int points_per_case = 10;
inline constexpr int verdict_count = 8; // nabla::verdict::ok .. unverified
//! Coordinates of the points are uniform in [-point_range, point_range].
inline constexpr double point_range = 2.0;

//! A component that failed.
struct failure {
    u64 index;             // expression number
    int point;             // 0 .. points_per_case - 1
    std::string component; // "df/dx"
    nabla::verdict result;
    double reference;        // the 50-digit value, rounded
    double oracle_rel_error; // relative (absolute if the reference is 0) distance to the oracle
    double bound;            // the running error bound of the double evaluation
    std::string message;     // the expression, the point and the full report
};

//! What the run collects over every component checked.
struct stats {
    std::size_t points = 0;
    std::size_t components = 0;
    std::array<std::size_t, verdict_count> verdicts{};
    std::vector<double> ulps;                   // every component with a finite ulp error
    std::array<std::vector<double>, 3> ulps_by; // value, gradient, Hessian
    std::vector<double> error_over_bound;       // |error| / running bound, where the bound > 0
    double worst_ulps = -1;
    std::string worst; // the report of the component with most ulps
    std::vector<failure> failures;
};

//! The operations that survive in the canonical type (sub, div and neg are rewritten to add,
//! mul and pow): one count per node name, pow split by its exponent.
using census = std::map<std::string, std::size_t>;

template <class E>
void take_census(census& out) {
    if constexpr (requires { E::arg; }) {
        ++out[std::string(E::op_type::name)];
        take_census<decltype(E::arg)>(out);
    } else if constexpr (requires { E::lhs; }) {
        using Op = typename E::op_type;
        using B = decltype(E::rhs);
        if constexpr (std::is_same_v<Op, nabla::pow_op>) {
            if constexpr (nabla::is_rational_v<B>)
                ++out["pow(e, exact)"];
            else if constexpr (nabla::is_constant_expr_v<B>)
                ++out["pow(e, runtime constant)"];
            else
                ++out["pow(e, expression)"];
        } else {
            ++out[std::string(Op::name)];
        }
        take_census<decltype(E::lhs)>(out);
        take_census<B>(out);
    }
}

//! True when \p E has a power whose exponent nabla evaluates in double even in a 50-digit
//! evaluation: a constant exponent that is not an exact rational (pow(e, 0.3), whose derivative
//! has the exponent 0.3 - 1 folded in double), or an exact rational P/Q whose Q is neither a
//! power of two nor 3 (math::rational_pow converts P/Q to double). See known_bug_a in main.cpp.
template <class E>
constexpr bool double_exponent() {
    if constexpr (requires { E::arg; }) {
        return double_exponent<decltype(E::arg)>();
    } else if constexpr (requires { E::lhs; }) {
        using B = decltype(E::rhs);
        bool here = false;
        if constexpr (std::is_same_v<typename E::op_type, nabla::pow_op>) {
            if constexpr (nabla::is_rational_v<B>)
                here = B::den != 3 && (B::den & (B::den - 1)) != 0;
            else
                here = nabla::is_constant_expr_v<B>;
        }
        return here || double_exponent<decltype(E::lhs)>() || double_exponent<B>();
    } else {
        return false;
    }
}

//! A registered case.
struct fuzz_case {
    u64 index;
    std::string type; // the mangled type: distinct types are distinct expressions
    std::string text; // the expression as nabla prints it
    int symbols;
    counts chosen;        // operations chosen by the generator
    census nodes;         // operations in the canonical type
    bool double_exponent; // see double_exponent<E>()
    void (*run)(stats&);
};

inline std::vector<fuzz_case>& registry() {
    static std::vector<fuzz_case> cases;
    return cases;
}

//! The random points of expression \p index (splitmix64 stream seeded by the expression).
template <std::size_t N>
std::array<double, N> point_of(u64 index, int k) {
    u64 state = mix(seed_of(index) ^ 0x706f696e74ULL) + static_cast<u64>(k) * 0x9e3779b97f4a7c15ULL;
    std::array<double, N> p{};
    for (auto& c : p) {
        state = mix(state);
        const double unit = static_cast<double>(state >> 11) * 0x1.0p-53; // [0, 1)
        c = point_range * (2 * unit - 1);
    }
    return p;
}

template <u64 I>
void run_case(stats& s) {
    static const auto g = expression<I>();
    constexpr int n = symbols_of(I);
    constexpr auto w = first_symbols<n>();
    for (int k = 0; k != points_per_case; ++k) {
        const auto p = point_of<static_cast<std::size_t>(n)>(I, k);
        const nabla::verification_report report = nabla::verify(g.e, w, p);
        ++s.points;
        for (std::size_t c = 0; c != report.components.size(); ++c) {
            auto const& r = report.components[c];
            ++s.components;
            ++s.verdicts[static_cast<std::size_t>(r.result)];
            const bool compared = r.result != nabla::verdict::non_differentiable &&
                                  r.result != nabla::verdict::domain_error;
            const auto describe = [&] {
                std::ostringstream m;
                m.precision(17);
                m << "expression #" << I << ": " << to_string(g.e) << "\npoint " << k << ":";
                for (double v : p)
                    m << ' ' << v;
                m << "\n" << report;
                return m.str();
            };
            if (compared && std::isfinite(r.ulps)) {
                s.ulps.push_back(r.ulps);
                s.ulps_by[c == 0 ? 0 : c <= static_cast<std::size_t>(n) ? 1 : 2].push_back(r.ulps);
                if (r.bound > 0)
                    s.error_over_bound.push_back(r.abs_error / r.bound);
                if (r.ulps > s.worst_ulps) {
                    s.worst_ulps = r.ulps;
                    s.worst = r.name + " of " + describe();
                }
            }
            if (!r.ok())
                s.failures.push_back({I, k, r.name, r.result, static_cast<double>(r.reference),
                                      r.oracle_rel_error, r.bound, describe()});
        }
    }
}

template <u64 I>
void add_case() {
    const auto g = expression<I>();
    census nodes;
    take_census<std::remove_cvref_t<decltype(g.e)>>(nodes);
    using E = std::remove_cvref_t<decltype(g.e)>;
    registry().push_back({I, typeid(E).name(), to_string(g.e), symbols_of(I), g.c, std::move(nodes),
                          double_exponent<E>(), &run_case<I>});
}

} // namespace nabla_fuzz

#endif // NABLA_TESTS_FUZZ_FUZZ_CASE_HPP
