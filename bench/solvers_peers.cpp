// nabla's L-BFGS and BFGS against LBFGS++ (liblbfgspp-dev) and dlib's find_min with its L-BFGS
// and BFGS strategies (libdlib-dev) on the 18 Moré–Garbow–Hillstrom problems of the unconstrained
// set, as problems/ writes them in the DSL (every library calls the same generated value and
// gradient), all in one run: evaluations to the Moré-Wild target f(x) - f_L <= tau (f(x0) - f_L),
// tau = 1e-7, f_L the least value any of the solvers found; total evaluations, wall time per run,
// and performance-profile fractions.
//
// Build (Debian 12: apt-get install liblbfgspp-dev libdlib-dev libeigen3-dev): with the project
// (-DNABLA_BUILD_BENCHMARKS=ON; target nabla_bench_solvers_peers, built only where LBFGS.h and
// dlib are found) or by hand, from the repository root:
//   g++ -std=c++20 -O2 -march=native -DNDEBUG -Iinclude -Isymbolic/include -Isolvers/include
//       -Iproblems/include -I/usr/include/eigen3 bench/solvers_peers.cpp -o solvers_peers
// (dlib's optimisation code is header-only; no library is linked.) The per-iteration overhead
// and the two-loop bandwidth are measured by bench/lbfgs_overhead.cpp.
#include "mgh_set.hpp"

#include <nabla/solvers/all.hpp>

#include <Eigen/Core>
#include <LBFGS.h>
#include <dlib/optimization.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace ns = nabla::solvers;

namespace {
constexpr double tau = 1e-7;

using problem = bench::mgh_problem;

// Counts calls and records the value of each.
struct counter {
    const problem* p;
    std::vector<double> values;
    double operator()(const double* x, double* g) {
        const double f = p->fg(x, g);
        values.push_back(f);
        return f;
    }
};

struct outcome {
    std::vector<double> values; // f at each evaluation
    std::size_t to_target = 0;  // 0: never reached (set once f_L is known)
    double seconds = 0;
};

// nabla: an objective whose value_gradient is one call.
struct nabla_objective {
    using scalar_type = double;
    counter* c;
    std::size_t n;
    std::size_t dimension() const { return n; }
    double value(std::span<const double> x) const { return (*c)(x.data(), nullptr); }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        return (*c)(x.data(), g.data());
    }
};

template <class Run>
outcome measure(const problem& p, Run run) {
    counter c{&p, {}};
    run(c);
    outcome o{std::move(c.values), 0, 0};
    // the machine is shared: the fastest of 7 batches of 20 runs
    o.seconds = std::numeric_limits<double>::infinity();
    for (int batch = 0; batch < 7; ++batch) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < 20; ++r) {
            counter cr{&p, {}};
            run(cr);
        }
        const std::chrono::duration<double> t = std::chrono::steady_clock::now() - t0;
        o.seconds = std::min(o.seconds, t.count() / 20);
    }
    return o;
}

using dvec = dlib::matrix<double, 0, 1>;

template <class Strategy>
void run_dlib(counter& c, const problem& p, Strategy strategy) {
    const long n = long(p.x0.size());
    dvec x(n);
    for (long i = 0; i < n; ++i)
        x(i) = p.x0[std::size_t(i)];
    auto f = [&](const dvec& v) { return c(&v(0), nullptr); };
    auto df = [&](const dvec& v) {
        dvec g(n);
        (void)c(&v(0), &g(0));
        return g;
    };
    try {
        dlib::find_min(strategy, dlib::gradient_norm_stop_strategy(1e-8, 1000), f, df, x,
                       -std::numeric_limits<double>::infinity());
    } catch (const std::exception&) {
    }
}
// LBFGS++ with history 6 (as nabla's default), ||g|| <= 1e-8 max(1, ||x||), line search `ls`.
void run_lbfgspp(counter& c, const problem& p, int ls) {
    LBFGSpp::LBFGSParam<double> param;
    param.m = 6;
    param.epsilon = 1e-8;
    param.max_iterations = 1000;
    param.linesearch = ls;
    LBFGSpp::LBFGSSolver<double> solver(param);
    Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(p.x0.data(), long(p.x0.size()));
    double fx = 0;
    auto fun = [&](const Eigen::VectorXd& v, Eigen::VectorXd& g) { return c(v.data(), g.data()); };
    try {
        (void)solver.minimize(fun, x, fx);
    } catch (const std::exception& e) { // a failure: "fail" in the table unless the target was hit
        if (std::getenv("BENCH_VERBOSE"))
            std::fprintf(stderr, "LBFGS++ on %s: %s\n", p.name.c_str(), e.what());
    }
}
} // namespace

int main() {
    const std::vector<problem> problems = bench::unconstrained_set();
    const std::vector<std::string> solvers{"nabla lbfgs",       "nabla bfgs", "LBFGS++ (Armijo)",
                                           "LBFGS++ (s.Wolfe)", "dlib lbfgs", "dlib bfgs"};
    std::vector<std::vector<outcome>> table;
    for (const auto& p : problems) {
        const std::size_t n = p.x0.size();
        std::vector<outcome> row;
        row.push_back(measure(p, [&](counter& c) {
            (void)ns::lbfgs{}.minimize(nabla_objective{&c, n}, p.x0);
        }));
        row.push_back(measure(p, [&](counter& c) {
            (void)ns::bfgs{}.minimize(nabla_objective{&c, n}, p.x0);
        }));
        for (int ls : {LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_ARMIJO,
                       LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE})
            row.push_back(measure(p, [&](counter& c) { run_lbfgspp(c, p, ls); }));
        row.push_back(
            measure(p, [&](counter& c) { run_dlib(c, p, dlib::lbfgs_search_strategy(6)); }));
        row.push_back(
            measure(p, [&](counter& c) { run_dlib(c, p, dlib::bfgs_search_strategy()); }));
        // f_L: the least value any solver found; then each run's evaluations to the target
        double f_low = std::numeric_limits<double>::infinity();
        for (const auto& o : row)
            for (double f : o.values)
                f_low = std::min(f_low, f);
        const double f0 = p.fg(p.x0.data(), nullptr);
        const double target = f_low + tau * (f0 - f_low);
        for (auto& o : row)
            for (std::size_t k = 0; k < o.values.size() && o.to_target == 0; ++k)
                if (o.values[k] <= target)
                    o.to_target = k + 1;
        table.push_back(row);
    }

    std::printf("evaluations to target (tau = %.0e) / total evaluations / microseconds per run\n",
                tau);
    std::printf("%-32s", "problem");
    for (const auto& s : solvers)
        std::printf(" %18s", s.c_str());
    std::printf("\n");
    for (std::size_t i = 0; i < problems.size(); ++i) {
        std::printf("%-32s", problems[i].name.c_str());
        for (const auto& o : table[i]) {
            char cell[64];
            if (o.to_target)
                std::snprintf(cell, sizeof cell, "%zu/%zu/%.1f", o.to_target, o.values.size(),
                              o.seconds * 1e6);
            else
                std::snprintf(cell, sizeof cell, "fail/%zu/%.1f", o.values.size(), o.seconds * 1e6);
            std::printf(" %18s", cell);
        }
        std::printf("\n");
    }
    // Sums over the problems every solver solved, and performance-profile fractions
    // (evaluations to target within 1x and 2x of the best solver on that problem).
    std::printf("\n%-32s", "sum (all solved)");
    std::vector<std::size_t> sum(solvers.size(), 0);
    std::vector<double> within1(solvers.size(), 0), within2(solvers.size(), 0);
    std::size_t solved_by_all = 0;
    // LBFGS++ with its default Armijo line search fails often (its direction stops being a
    // descent direction without the curvature condition): left out of "all solved"
    auto counts = [&](std::size_t s) { return solvers[s] != "LBFGS++ (Armijo)"; };
    for (const auto& row : table) {
        bool all = true;
        for (std::size_t s = 0; s < row.size(); ++s)
            all = all && (!counts(s) || row[s].to_target);
        std::size_t best = std::numeric_limits<std::size_t>::max();
        for (const auto& o : row)
            if (o.to_target)
                best = std::min(best, o.to_target);
        for (std::size_t s = 0; s < row.size(); ++s) {
            if (all && counts(s))
                sum[s] += row[s].to_target;
            if (row[s].to_target && row[s].to_target <= best)
                within1[s] += 1.0 / double(table.size());
            if (row[s].to_target && row[s].to_target <= 2 * best)
                within2[s] += 1.0 / double(table.size());
        }
        solved_by_all += all;
    }
    for (auto v : sum)
        std::printf(" %18zu", v);
    std::printf("\n%-32s", "solved");
    for (std::size_t s = 0; s < solvers.size(); ++s) {
        std::size_t solved = 0;
        for (const auto& row : table)
            solved += row[s].to_target != 0;
        std::printf(" %18zu", solved);
    }
    std::printf("\n%-32s", "profile <= 1x best");
    for (auto v : within1)
        std::printf(" %18.2f", v);
    std::printf("\n%-32s", "profile <= 2x best");
    for (auto v : within2)
        std::printf(" %18.2f", v);
    std::printf("\n(sums over the %zu of %zu problems solved by all but LBFGS++ (Armijo))\n",
                solved_by_all, problems.size());
}
