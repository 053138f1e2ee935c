//! \file
//! \brief Running a data program: bind, size and store every node, evaluate the parameter
//! phase, loop over the selected rows (in fixed blocks, on any number of threads, summing the
//! blocks in order so that the result does not depend on the thread count), finish the
//! reductions, and evaluate what uses them.
#ifndef NABLA_SYMBOLIC_DATA_RUN_HPP
#define NABLA_SYMBOLIC_DATA_RUN_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/data/dataset.hpp>
#include <nabla/symbolic/data/layout.hpp>
#include <nabla/symbolic/expr/symbols.hpp>

#include <algorithm>
#include <barrier>
#include <cstddef>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace nabla::detail {

//! One evaluation of the outputs of a data program in scalar type \p T: the parameter phase,
//! the loop over the selected rows in groups of \p Group rows, the reductions, and what uses
//! them.
template <class T, class Program, std::size_t PoolSize, class Data, class Params, std::size_t Group>
class data_run : data_layout<T, Program, PoolSize, Data, Params, Group> {
    using layout = data_layout<T, Program, PoolSize, Data, Params, Group>;
    using layout::for_each_node;
    using typename layout::row_batch;
    using typename layout::values_type;
    static constexpr std::size_t group = layout::group;
    using layout::mismatch;

public:
    //! Rows per block: the unit of work of a thread and of the ordered sum.
    static constexpr std::size_t block_rows = 2048;

    data_run(constant_pool<PoolSize> const& pool, Data const& data, Params const& params)
        : layout(pool, data, params) {
        // a conversion of a parameter to T, then the parameter phase
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::parameters)
                evaluate_once<N>();
        });
        if constexpr (Program::has_rows)
            run_rows();
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::after)
                evaluate_once<N>();
        });
    }

    //! The node values after the run.
    values_type const& values() const { return this->shared_; }

private:
    //! Evaluates node \p N of the parameter or final phase.
    template <class N>
    void evaluate_once() {
        constexpr std::size_t i = layout::template at<N>;
        auto& v = this->shared_;
        if constexpr (is_scalar_parameter_v<N>) {
            v.scalar[i] = T(this->template param_binding<N>().value);
        } else if constexpr (is_vector_parameter_v<N>) {
            auto const& s = this->template param_binding<N>().value;
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s[0])>, T>) {
                v.ptr[i] = s.data();
            } else {
                T* out = this->shared_arena_.data() + this->offset_[i];
                std::transform(s.begin(), s.end(), out, [](auto const& x) { return T(x); });
                v.ptr[i] = out;
            }
        } else if constexpr (is_matrix_parameter_v<N>) {
            auto const& m = this->template param_binding<N>().value;
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(*m.data)>, T>) {
                v.ptr[i] = m.data;
            } else {
                T* out = this->shared_arena_.data() + this->offset_[i];
                std::transform(m.data, m.data + m.rows * m.cols, out,
                               [](auto const& x) { return T(x); });
                v.ptr[i] = out;
            }
        } else if constexpr (!is_lazy<N>()) {
            v.template compute<N>(this->shared_arena_.data() + this->offset_[i]);
        }
    }

    //! One thread's state: its copy of the node values, its buffers and accumulators.
    struct worker {
        values_type values;
        lane_vector<T> arena;
    };

    //! Points the data symbols at the dataset rows \p rows of a group.
    template <class N>
    NABLA_ALWAYS_INLINE void bind_rows(values_type& v, T* arena, std::size_t const* rows) const {
        constexpr std::size_t i = layout::template at<N>;
        if constexpr (symbol_kind_v<N> == 4) {
            auto const& m = this->template data_binding<N>().value;
            for (std::size_t j = 0; j != group; ++j) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(*m.data)>, T>) {
                    v.row_ptr[i][j] = m.data + rows[j] * m.cols;
                } else {
                    T* out = arena + this->offset_[i] + j * m.cols;
                    for (std::size_t k = 0; k != m.cols; ++k)
                        out[k] = T(m.data[rows[j] * m.cols + k]);
                    v.row_ptr[i][j] = out;
                }
            }
        } else if constexpr (symbol_kind_v<N> == 5) {
            auto const& y = this->template data_binding<N>().value;
            using U = std::remove_cvref_t<decltype(y[0])>;
            if constexpr (std::is_same_v<U, T> && group > 1) {
                if (rows[group - 1] == rows[0] + group - 1) { // consecutive rows: one load
                    row_batch::load_unaligned(y.data() + rows[0])
                        .store_aligned(v.per_row[i].value.data());
                    return;
                }
            }
            for (std::size_t j = 0; j != group; ++j)
                v.per_row[i].value[j] = T(y[rows[j]]);
        }
    }

    //! Adds the values of reduction \p N's operand for the first \p active rows of the group
    //! to its accumulator.
    template <class N>
    NABLA_ALWAYS_INLINE void accumulate(values_type const& v, T* arena, std::size_t active) const {
        using A = decltype(N::arg);
        constexpr std::size_t i = layout::template at<N>;
        T* NABLA_RESTRICT acc = arena + this->accumulator_begin_ + this->accumulator_[i];
        if constexpr (is_scalar_v<N>) {
            row_batch body = v.template group_value<A>();
            if (active != group) { // the group's last rows repeat a row: leave them out
                alignas(sizeof(row_batch)) std::array<T, group> lanes;
                store_lanes(body, lanes.data());
                for (std::size_t j = active; j != group; ++j)
                    lanes[j] = T(0);
                body = load_lanes<row_batch>(lanes.data());
            }
            store_lanes(row_batch(load_lanes<row_batch>(acc) + body), acc);
        } else if constexpr (is_vector_v<N>) {
            v.template add_rows<A>(acc, v.len[i], active);
        } else {
            const std::size_t c = v.cols[i];
            for (std::size_t r = 0; r != v.len[i]; ++r)
                for_each_lane<T>(c, [&]<class L>(std::size_t k) NABLA_ALWAYS_INLINE_LAMBDA {
                    T* a = acc + r * c + k;
                    L sum = load_lanes<L>(a);
                    for (std::size_t j = 0; j != active; ++j)
                        sum += v.template element<A, L>(r, k, j);
                    store_lanes(sum, a);
                });
        }
    }

    //! How far ahead of the row being added a long row is prefetched, in bytes (rounded up to
    //! whole rows). 16 to 64 KB ahead did equally well at d = 512; one row ahead came too late.
    static constexpr std::size_t prefetch_bytes = 32768;

    //! The elements and the row length of the first row symbol whose elements are \p T, the
    //! one whose rows are prefetched (null if there is none).
    std::pair<T const*, std::size_t> prefetched_rows() const {
        std::pair<T const*, std::size_t> rows{nullptr, 0};
        for_each_node([&]<class N>() {
            if constexpr (is_data_symbol_v<N> && symbol_kind_v<N> == 4) {
                auto const& m = this->template data_binding<N>().value;
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(*m.data)>, T>) {
                    if (!rows.first)
                        rows = {m.data, m.cols};
                }
            }
        });
        return rows;
    }

    //! Accumulates the selected rows of block \p b in \p w, a group of rows at a time.
    void run_block(worker& w, std::size_t b) const {
        std::fill(w.arena.begin() + static_cast<std::ptrdiff_t>(this->accumulator_begin_),
                  w.arena.end(), T(0));
        const std::size_t first = b * block_rows;
        const std::size_t last = std::min(this->data_.size(), first + block_rows);
        // A local copy of the node values: nothing outside this loop can see it, so the
        // compiler may keep the per-row scalars in registers, as hand-written code would.
        values_type v = w.values;
        T* const arena = w.arena.data();
        std::array<std::size_t, group> rows{};
        auto evaluate = [&](std::size_t active) NABLA_ALWAYS_INLINE_LAMBDA {
            for_each_node([&]<class N>() NABLA_ALWAYS_INLINE_LAMBDA {
                if constexpr (phase_of<N>() == phase::per_row) {
                    if constexpr (is_data_symbol_v<N>) {
                        bind_rows<N>(v, arena, rows.data());
                    } else if constexpr (!is_lazy<N>()) {
                        v.template compute<N>(arena + this->offset_[layout::template at<N>]);
                    }
                }
            });
            for_each_node([&]<class N>() NABLA_ALWAYS_INLINE_LAMBDA {
                if constexpr (phase_of<N>() == phase::reduction)
                    accumulate<N>(v, arena, active);
            });
        };
        if constexpr (group == 1) { // long rows, one at a time
            const auto [data, cols] = prefetched_rows();
            const std::size_t bytes = std::max<std::size_t>(1, cols * sizeof(T));
            const std::size_t ahead = (prefetch_bytes + bytes - 1) / bytes; // in rows
            for (std::size_t k = first; k < last; ++k) {
                rows[0] = this->data_.row_index(k);
                v.ahead = data && k + ahead < last
                              ? reinterpret_cast<char const*>(
                                    data + this->data_.row_index(k + ahead) * cols)
                              : nullptr;
                evaluate(1);
            }
        } else {
            const bool contiguous = this->data_.contiguous();
            for (std::size_t k = first; k < last; k += group) {
                const std::size_t active = std::min(group, last - k);
                if (contiguous && active == group) {
                    const std::size_t r0 = this->data_.row_index(k);
                    for (std::size_t j = 0; j != group; ++j)
                        rows[j] = r0 + j;
                } else {
                    for (std::size_t j = 0; j != group; ++j)
                        rows[j] = this->data_.row_index(k + std::min(j, active - 1));
                }
                evaluate(active);
            }
        }
    }

    //! Adds a block's accumulators into the totals, reduction by reduction.
    void fold(worker const& w) {
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::reduction) {
                constexpr std::size_t i = layout::template at<N>;
                T const* acc = w.arena.data() + this->accumulator_begin_ + this->accumulator_[i];
                if constexpr (is_scalar_v<N>) {
                    for (std::size_t j = 0; j != group; ++j) // lanes in order
                        this->shared_.scalar[i] += acc[j];
                } else {
                    const std::size_t n = is_matrix_v<N>
                                              ? this->shared_.len[i] * this->shared_.cols[i]
                                              : this->shared_.len[i];
                    T* total = this->shared_arena_.data() + this->offset_[i];
                    for (std::size_t k = 0; k != n; ++k)
                        total[k] += acc[k];
                }
            }
        });
    }

    void run_rows() {
        const std::size_t n = this->data_.size();
        if (n == 0)
            mismatch("the dataset selects no rows");
        const std::size_t blocks = (n + block_rows - 1) / block_rows;
        const std::size_t threads = std::min<std::size_t>(this->data_.thread_count(), blocks);
        // accumulators after the per-row buffers, on a cache line
        this->accumulator_begin_ = whole_lines<T>(this->worker_size_);
        std::vector<worker> workers(
            threads, worker{this->shared_,
                            lane_vector<T>(this->accumulator_begin_ + this->accumulator_size_)});
        // scalar totals start at zero, vector and matrix totals were zeroed by the arena
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::reduction && is_scalar_v<N>)
                this->shared_.scalar[layout::template at<N>] = T(0);
        });
        if (threads == 1) {
            for (std::size_t b = 0; b != blocks; ++b) {
                run_block(workers[0], b);
                fold(workers[0]);
            }
        } else {
            // Waves of `threads` blocks; after each, the blocks are added in order.
            std::size_t wave = 0;
            auto fold_wave = [&]() noexcept {
                for (std::size_t t = 0; t != threads && wave * threads + t < blocks; ++t)
                    fold(workers[t]);
                ++wave;
            };
            std::barrier sync(static_cast<std::ptrdiff_t>(threads), fold_wave);
            const std::size_t waves = (blocks + threads - 1) / threads;
            auto work = [&](std::size_t t) {
                for (std::size_t k = 0; k != waves; ++k) {
                    const std::size_t b = k * threads + t;
                    if (b < blocks)
                        run_block(workers[t], b);
                    sync.arrive_and_wait();
                }
            };
            std::vector<std::jthread> pool;
            for (std::size_t t = 1; t != threads; ++t)
                pool.emplace_back(work, t);
            work(0);
        }
        finish_reductions(n);
    }

    void finish_reductions(std::size_t n) {
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::reduction) {
                constexpr std::size_t i = layout::template at<N>;
                const bool mean = std::is_same_v<typename N::op_type, mean_op>;
                const T scale = mean ? T(T(1) / T(static_cast<double>(n))) : T(1);
                if constexpr (is_scalar_v<N>) {
                    this->shared_.scalar[i] *= scale;
                } else {
                    T* total = this->shared_arena_.data() + this->offset_[i];
                    const std::size_t m = is_matrix_v<N>
                                              ? this->shared_.len[i] * this->shared_.cols[i]
                                              : this->shared_.len[i];
                    for (std::size_t k = 0; k != m; ++k)
                        total[k] *= scale;
                    this->shared_.ptr[i] = total;
                }
            }
        });
    }
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_RUN_HPP
