//! \file
//! \brief Running a data program: bind, size and store every node, evaluate the parameter
//! phase, loop over the selected rows (in fixed blocks, on any number of threads, summing the
//! blocks in order so that the result does not depend on the thread count), finish the
//! reductions, and evaluate what uses them.
#ifndef NABLA_SYMBOLIC_DATA_RUN_HPP
#define NABLA_SYMBOLIC_DATA_RUN_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/data/dataset.hpp>
#include <nabla/symbolic/data/node_values.hpp>
#include <nabla/symbolic/expr/symbols.hpp>

#include <algorithm>
#include <barrier>
#include <cstddef>
#include <string>
#include <thread>
#include <tuple>
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

//! One evaluation of the outputs \p Es of a data program in scalar type \p T.
template <class T, class Program, std::size_t PoolSize, class Data, class Params>
class data_run {
public:
    using values_type = node_values<T, Program, PoolSize>;
    static constexpr std::size_t count = values_type::count;
    template <class N>
    static constexpr std::size_t at = Program::template index<N>;
    //! Rows per block: the unit of work of a thread and of the ordered sum.
    static constexpr std::size_t block_rows = 2048;
    //! The batch type, and how many rows are evaluated together.
    using batch = typename values_type::batch;
    static constexpr std::size_t group = values_type::group;

    data_run(constant_pool<PoolSize> const& pool, Data const& data, Params const& params)
        : data_(data), params_(params) {
        shared_.pool = &pool;
        for_each_node([&]<class N>() { size<N>(); });
        shared_arena_.resize(shared_size_);
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
    values_type const& values() const { return shared_; }

private:
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

    static std::size_t take(std::size_t& total, std::size_t n) {
        const std::size_t at = total;
        total += n;
        return at;
    }

    //! Evaluates node \p N of the parameter or final phase.
    template <class N>
    void evaluate_once() {
        constexpr std::size_t i = at<N>;
        auto& v = shared_;
        if constexpr (is_scalar_parameter_v<N>) {
            v.scalar[i] = T(param_binding<N>().value);
        } else if constexpr (is_vector_parameter_v<N>) {
            auto const& s = param_binding<N>().value;
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s[0])>, T>) {
                v.ptr[i] = s.data();
            } else {
                T* out = shared_arena_.data() + offset_[i];
                std::transform(s.begin(), s.end(), out, [](auto const& x) { return T(x); });
                v.ptr[i] = out;
            }
        } else if constexpr (is_matrix_parameter_v<N>) {
            auto const& m = param_binding<N>().value;
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(*m.data)>, T>) {
                v.ptr[i] = m.data;
            } else {
                T* out = shared_arena_.data() + offset_[i];
                std::transform(m.data, m.data + m.rows * m.cols, out,
                               [](auto const& x) { return T(x); });
                v.ptr[i] = out;
            }
        } else if constexpr (!is_lazy<N>()) {
            v.template compute<N>(shared_arena_.data() + offset_[i]);
        }
    }

    //! One thread's state: its copy of the node values, its buffers and accumulators.
    struct worker {
        values_type values;
        std::vector<T> arena;
    };

    //! Points the data symbols at the dataset rows \p rows of a group.
    template <class N>
    NABLA_ALWAYS_INLINE void bind_rows(values_type& v, T* arena, std::size_t const* rows) const {
        constexpr std::size_t i = at<N>;
        if constexpr (symbol_kind_v<N> == 4) {
            auto const& m = data_binding<N>().value;
            for (std::size_t j = 0; j != group; ++j) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(*m.data)>, T>) {
                    v.row_ptr[i][j] = m.data + rows[j] * m.cols;
                } else {
                    T* out = arena + offset_[i] + j * m.cols;
                    for (std::size_t k = 0; k != m.cols; ++k)
                        out[k] = T(m.data[rows[j] * m.cols + k]);
                    v.row_ptr[i][j] = out;
                }
            }
        } else if constexpr (symbol_kind_v<N> == 5) {
            auto const& y = data_binding<N>().value;
            using U = std::remove_cvref_t<decltype(y[0])>;
            if constexpr (std::is_same_v<U, T> && group > 1) {
                if (rows[group - 1] == rows[0] + group - 1) { // consecutive rows: one load
                    batch::load_unaligned(y.data() + rows[0])
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
        constexpr std::size_t i = at<N>;
        T* NABLA_RESTRICT acc = arena + accumulator_begin_ + accumulator_[i];
        if constexpr (is_scalar_v<N>) {
            batch body = v.template group_value<A>();
            if (active != group) { // the group's last rows repeat a row: leave them out
                alignas(sizeof(batch)) std::array<T, group> lanes;
                store_lanes(body, lanes.data());
                for (std::size_t j = active; j != group; ++j)
                    lanes[j] = T(0);
                body = load_lanes<batch>(lanes.data());
            }
            store_lanes(batch(load_lanes<batch>(acc) + body), acc);
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

    //! Accumulates the selected rows of block \p b in \p w, a group of rows at a time.
    void run_block(worker& w, std::size_t b) const {
        std::fill(w.arena.begin() + static_cast<std::ptrdiff_t>(accumulator_begin_), w.arena.end(),
                  T(0));
        const std::size_t first = b * block_rows;
        const std::size_t last = std::min(data_.size(), first + block_rows);
        // A local copy of the node values: nothing outside this loop can see it, so the
        // compiler may keep the per-row scalars in registers, as hand-written code would.
        values_type v = w.values;
        T* const arena = w.arena.data();
        std::array<std::size_t, group> rows{};
        for (std::size_t k = first; k < last; k += group) {
            const std::size_t active = std::min(group, last - k);
            for (std::size_t j = 0; j != group; ++j)
                rows[j] = data_.row_index(k + std::min(j, active - 1));
            for_each_node([&]<class N>() NABLA_ALWAYS_INLINE_LAMBDA {
                if constexpr (phase_of<N>() == phase::per_row) {
                    if constexpr (is_data_symbol_v<N>) {
                        bind_rows<N>(v, arena, rows.data());
                    } else if constexpr (!is_lazy<N>()) {
                        v.template compute<N>(arena + offset_[at<N>]);
                    }
                }
            });
            for_each_node([&]<class N>() NABLA_ALWAYS_INLINE_LAMBDA {
                if constexpr (phase_of<N>() == phase::reduction)
                    accumulate<N>(v, arena, active);
            });
        }
    }

    //! Adds a block's accumulators into the totals, reduction by reduction.
    void fold(worker const& w) {
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::reduction) {
                constexpr std::size_t i = at<N>;
                T const* acc = w.arena.data() + accumulator_begin_ + accumulator_[i];
                if constexpr (is_scalar_v<N>) {
                    for (std::size_t j = 0; j != group; ++j) // lanes in order
                        shared_.scalar[i] += acc[j];
                } else {
                    const std::size_t n =
                        is_matrix_v<N> ? shared_.len[i] * shared_.cols[i] : shared_.len[i];
                    T* total = shared_arena_.data() + offset_[i];
                    for (std::size_t k = 0; k != n; ++k)
                        total[k] += acc[k];
                }
            }
        });
    }

    void run_rows() {
        const std::size_t n = data_.size();
        if (n == 0)
            mismatch("the dataset selects no rows");
        const std::size_t blocks = (n + block_rows - 1) / block_rows;
        const std::size_t threads = std::min<std::size_t>(data_.thread_count(), blocks);
        accumulator_begin_ = worker_size_; // accumulators after the per-row buffers
        std::vector<worker> workers(
            threads, worker{shared_, std::vector<T>(worker_size_ + accumulator_size_)});
        // scalar totals start at zero, vector and matrix totals were zeroed by the arena
        for_each_node([&]<class N>() {
            if constexpr (phase_of<N>() == phase::reduction && is_scalar_v<N>)
                shared_.scalar[at<N>] = T(0);
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
                constexpr std::size_t i = at<N>;
                const bool mean = std::is_same_v<typename N::op_type, mean_op>;
                const T scale = mean ? T(T(1) / T(static_cast<double>(n))) : T(1);
                if constexpr (is_scalar_v<N>) {
                    shared_.scalar[i] *= scale;
                } else {
                    T* total = shared_arena_.data() + offset_[i];
                    const std::size_t m =
                        is_matrix_v<N> ? shared_.len[i] * shared_.cols[i] : shared_.len[i];
                    for (std::size_t k = 0; k != m; ++k)
                        total[k] *= scale;
                    shared_.ptr[i] = total;
                }
            }
        });
    }

    Data const& data_;
    Params const& params_;
    values_type shared_;
    std::vector<T> shared_arena_;
    std::array<std::size_t, count> offset_{};
    std::array<std::size_t, count> accumulator_{};
    std::size_t shared_size_ = 0;
    std::size_t worker_size_ = 0;
    std::size_t accumulator_size_ = 0;
    std::size_t accumulator_begin_ = 0;
};

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_RUN_HPP
