// One slice of the fuzz, included by the generated slice_<k>.cpp after it defines FUZZ_FIRST and
// FUZZ_COUNT: registers expressions FUZZ_FIRST .. FUZZ_FIRST + FUZZ_COUNT - 1 of
// generator.hpp. CMakeLists.txt writes one such file per slice, so each translation unit
// instantiates only its share of the expression types (compile time and memory per TU).
#include "fuzz_case.hpp"

#include <utility>

#ifndef FUZZ_FIRST
#define FUZZ_FIRST 0
#endif
#ifndef FUZZ_COUNT
#define FUZZ_COUNT 20
#endif

namespace {
template <std::size_t... I>
bool register_slice(std::index_sequence<I...>) {
    (nabla_fuzz::add_case<FUZZ_FIRST + I>(), ...);
    return true;
}
[[maybe_unused]] const bool registered = register_slice(std::make_index_sequence<FUZZ_COUNT>{});
} // namespace
