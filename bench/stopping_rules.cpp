// Could a stopping test end nabla's L-BFGS and BFGS within 3x their evaluations to target on
// Penalty I and II without stopping another run before its target? Each solver runs once per
// problem of the unconstrained Moré–Garbow–Hillstrom set with its defaults, recording f and the
// evaluation count after every iteration; candidate tests are then applied to those records
// (a test only ends a run earlier, so the record is the run it would have made). Moré and
// Wild's measure: the target is f_L + tau (f(x0) - f_L), tau = 1e-7, f_L the least value the
// two solvers found.
//
// Candidate tests, each over the last m iterations (m = f_window):
//   progress:  f_{k-m} - f_k <= ftol (f_0 - f_k)   (little of the decrease so far; invariant
//              under f -> a f + b, as the Moré-Wild measure is)
//   relative:  f_{k-m} - f_k <= ftol |f_k|          (Ceres' function_tolerance, over m steps)
//
// Built with -DNABLA_BUILD_BENCHMARKS=ON (target nabla_bench_stopping_rules), or by hand from the
// repository root:
//   g++ -std=c++20 -O2 -DNDEBUG -Iinclude -Isymbolic/include -Isolvers/include
//       -Iproblems/include bench/stopping_rules.cpp -o stopping_rules
#include "mgh_set.hpp"

#include <nabla/solvers/bfgs.hpp>
#include <nabla/solvers/lbfgs.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ns = nabla::solvers;

namespace {
constexpr double tau = 1e-7;

// An objective that counts its evaluations and keeps the value of each.
struct recording_objective {
    using scalar_type = double;
    const bench::mgh_problem* p;
    std::vector<double>* values;
    std::size_t dimension() const { return p->x0.size(); }
    double value(std::span<const double> x) const { return record(p->fg(x.data(), nullptr)); }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        return record(p->fg(x.data(), g.data()));
    }
    double record(double f) const {
        values->push_back(f);
        return f;
    }
};

// One run: f after each iteration (f_0 first) with the evaluations made by then, and the value
// of every evaluation.
struct run_record {
    std::vector<double> f;
    std::vector<std::size_t> evaluations;
    std::vector<double> values;
};

template <class Solver>
run_record record_run(Solver solver, const bench::mgh_problem& p) {
    run_record r;
    (void)solver.minimize(recording_objective{&p, &r.values}, p.x0,
                          [&](const ns::iteration_info<double>& it) {
                              r.f.push_back(it.f);
                              r.evaluations.push_back(r.values.size());
                          });
    return r;
}

// A candidate test over the last `window` iterations; `none` is the defaults (no such test).
enum class family { none, progress, relative };

struct rule {
    family kind;
    double ftol;
    std::size_t window;
    // the first iteration at which the test holds, if any
    std::optional<std::size_t> fires(const std::vector<double>& f) const {
        if (kind == family::none)
            return std::nullopt;
        for (std::size_t k = window; k < f.size(); ++k) {
            const double change = f[k - window] - f[k];
            const double scale = kind == family::progress ? f.front() - f[k] : std::abs(f[k]);
            if (change <= ftol * scale)
                return k;
        }
        return std::nullopt;
    }
};

// What a rule does to one run: stopped before the target, or went past 3x its evaluations to
// target.
struct verdict {
    bool before_target = false, past_3x = false;
};

verdict judge(const run_record& r, const std::optional<std::size_t>& stop, double target) {
    std::size_t to_target = 0;
    for (std::size_t e = 0; e < r.values.size() && to_target == 0; ++e)
        if (r.values[e] <= target)
            to_target = e + 1;
    const std::size_t used = stop ? r.evaluations[*stop] : r.values.size();
    verdict v;
    v.before_target = stop && r.f[*stop] > target;
    v.past_3x = to_target != 0 && used > 3 * to_target;
    return v;
}
} // namespace

int main() {
    const std::vector<bench::mgh_problem> problems = bench::unconstrained_set();
    const char* const solver_names[] = {"L-BFGS", "BFGS"};
    std::vector<run_record> runs[2];
    std::vector<double> targets;
    for (const auto& p : problems) {
        runs[0].push_back(record_run(ns::lbfgs{}, p));
        runs[1].push_back(record_run(ns::bfgs{}, p));
        double f_low = std::numeric_limits<double>::infinity();
        for (const auto& solver_runs : runs)
            for (double f : solver_runs.back().values)
                f_low = std::min(f_low, f);
        const double f0 = p.fg(p.x0.data(), nullptr);
        targets.push_back(f_low + tau * (f0 - f_low));
    }

    std::vector<rule> rules{{family::none, 0, 0}};
    for (double ftol : {1e-8, 3e-9, 2e-9, 1.5e-9, 1e-9, 5e-10, 1e-10})
        for (std::size_t m : {5u, 10u, 20u})
            rules.push_back({family::progress, ftol, m});
    for (double ftol : {1e-2, 1e-3, 1e-4, 1e-5})
        for (std::size_t m : {5u, 10u})
            rules.push_back({family::relative, ftol, m});

    std::printf("Problems (MGH numbers) on which a stopping test ends a run before the Moré-Wild "
                "target (tau = %.0e) or lets it go past 3x its evaluations to target\n\n",
                tau);
    std::printf("| test | ftol | m |");
    for (const char* s : solver_names)
        std::printf(" %s: stops before target | %s: past 3x |", s, s);
    std::printf("\n|---|---|---|---|---|---|---|\n");
    for (const rule& t : rules) {
        if (t.kind == family::none)
            std::printf("| none (the defaults) | - | - |");
        else
            std::printf("| %s | %g | %zu |", t.kind == family::progress ? "progress" : "relative",
                        t.ftol, t.window);
        for (const auto& solver_runs : runs) {
            std::string before, past;
            for (std::size_t i = 0; i < problems.size(); ++i) {
                const auto stop = t.fires(solver_runs[i].f);
                const verdict v = judge(solver_runs[i], stop, targets[i]);
                const std::string number = std::to_string(problems[i].number);
                if (v.before_target)
                    before += (before.empty() ? "" : ", ") + number;
                if (v.past_3x)
                    past += (past.empty() ? "" : ", ") + number;
            }
            std::printf(" %s | %s |", before.empty() ? "none" : before.c_str(),
                        past.empty() ? "none" : past.c_str());
        }
        std::printf("\n");
    }
}
