//! \file
//! \brief The list of derivative pages the generator writes. Each page is one translation unit
//! (generated from page.cpp.in by `nabla_docs_page` in docs/CMakeLists.txt) that registers
//! itself here, so pages compile in parallel and a new page is one line of CMake.
#ifndef NABLA_DOCS_GENERATOR_REGISTRY_HPP
#define NABLA_DOCS_GENERATOR_REGISTRY_HPP

#include <ostream>
#include <string>
#include <vector>

namespace nabla::docs {

//! \brief One generated page.
struct page_entry {
    int order;                    //!< Position in the index (the order of the CMake lines).
    std::string slug;             //!< File `derivatives_<slug>.md`, page `derivatives_<slug>`.
    std::string group;            //!< Heading of the index section that lists the page.
    void (*write)(std::ostream&); //!< Writes the page.
};

//! \brief Every registered page, in registration order (unspecified across translation units;
//! the generator sorts by `order`).
inline std::vector<page_entry>& pages() {
    static std::vector<page_entry> all;
    return all;
}

//! \brief Registers \p e; returns true so that it can initialise a namespace-scope constant.
inline bool add_page(page_entry e) {
    pages().push_back(std::move(e));
    return true;
}

} // namespace nabla::docs

#endif // NABLA_DOCS_GENERATOR_REGISTRY_HPP
