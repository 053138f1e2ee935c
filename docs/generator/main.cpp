// The derivative-page generator: writes every registered page (see registry.hpp) and the index
// page `derivatives.md` into the directory given as its only argument.
#include "registry.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " <output directory>\n";
        return EXIT_FAILURE;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    auto pages = nabla::docs::pages();
    std::sort(pages.begin(), pages.end(),
              [](auto const& a, auto const& b) { return a.order < b.order; });

    std::ofstream index(out / "derivatives.md");
    index << "# Generated derivative pages {#derivatives}\n\n"
             "One page per built-in function. A test problem's page gives its formula, gradient "
             "and Hessian as nabla simplifies them, the structural sparsity of the Hessian, node "
             "counts before and after simplification and common-subexpression elimination, and "
             "the C++ nabla prints. A model-zoo loss (a mean over the rows of a dataset, see "
             "\\ref data) gets its gradient at the vector level, its Hessian-vector products, "
             "node counts and what the data evaluator runs per row. The pages are written at "
             "documentation build time by `docs/generator`, "
             "which calls nabla's printers on the same expressions the tests and benchmarks use; "
             "none is written by hand.\n";
    std::string group;
    for (auto const& page : pages) {
        if (page.group != group) {
            group = page.group;
            index << "\n## " << group << "\n\n";
        }
        index << "- \\subpage derivatives_" << page.slug << "\n";
        std::ofstream file(out / ("derivatives_" + page.slug + ".md"));
        page.write(file);
        if (!file) {
            std::cerr << "cannot write the page " << page.slug << "\n";
            return EXIT_FAILURE;
        }
    }
    if (std::string_view skipped = NABLA_DOCS_SKIPPED; !skipped.empty())
        index << "\n**Not generated in this build** (configured with "
                 "`-DNABLA_DOCS_HEAVY_PAGES=OFF`, as their Hessians take minutes to compile): "
              << skipped << ".\n";
    if (std::string_view unavailable = NABLA_DOCS_UNAVAILABLE; !unavailable.empty())
        index << "\n**Not generated at present** (the library cannot build them yet): "
              << unavailable << ".\n";
    const bool have_zoo = std::any_of(pages.begin(), pages.end(),
                                      [](auto const& p) { return p.group == "Model zoo"; });
    if (!have_zoo)
        index << "\n## Model zoo\n\nThe losses over datasets (linear and logistic regression, SVM, "
                 "a small neural network) get their pages here once they exist; each is one "
                 "`nabla_docs_page` line in docs/CMakeLists.txt.\n";
    std::cout << "wrote " << pages.size() << " derivative pages to " << out << "\n";
    return index ? EXIT_SUCCESS : EXIT_FAILURE;
}
