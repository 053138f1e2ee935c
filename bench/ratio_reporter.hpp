// A Google Benchmark reporter that keeps each benchmark's time, for tables of ratios.
#ifndef NABLA_BENCH_RATIO_REPORTER_HPP
#define NABLA_BENCH_RATIO_REPORTER_HPP

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace bench {

// Keeps each benchmark's time per iteration (the median when repetitions are asked for) while
// printing as usual: CPU time, or wall time where threads are involved.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> ns;
    bool wall_time = false;

    double time_of(Run const& run) const {
        return (wall_time ? run.GetAdjustedRealTime() : run.GetAdjustedCPUTime()) *
               unit_ns(run.time_unit);
    }

    void ReportRuns(std::vector<Run> const& runs) override {
        for (auto const& run : runs) {
            if (run.error_occurred)
                continue;
            const std::string name = run.run_name.str();
            if (run.run_type == Run::RT_Iteration && !medians_.count(name)) {
                ns[name] = time_of(run);
            } else if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
                ns[name] = time_of(run);
                medians_.insert({name, true});
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }

private:
    std::map<std::string, bool> medians_;
    static double unit_ns(benchmark::TimeUnit u) {
        return u == benchmark::kSecond        ? 1e9
               : u == benchmark::kMillisecond ? 1e6
               : u == benchmark::kMicrosecond ? 1e3
                                              : 1.0;
    }
};

} // namespace bench

#endif // NABLA_BENCH_RATIO_REPORTER_HPP
