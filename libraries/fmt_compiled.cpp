// fmt's compiled part, for the statically linked gtmlint: Debian ships fmt as headers and a
// shared library only. Including format-inl.h without FMT_HEADER_ONLY defines its non-template
// functions here, once; the four templates below are the ones format.h declares `extern
// template` (explicit instantiations, as the library's own build makes them).
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;

}  // namespace detail
FMT_END_NAMESPACE
