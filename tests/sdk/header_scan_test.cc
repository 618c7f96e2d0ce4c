// The header scanner (tests/support/header_scan.h) on known input: every
// expression form the enumerators of the VSS headers use, the HRESULT,
// MIDL_INTERFACE and DEFINE_GUID forms, and that what it cannot read is
// reported, not skipped. The MinGW and HRESULT-table checks trust it because
// of these.
#include "support/header_scan.h"

#include <gtest/gtest.h>
#include <vss.h>

#include <map>
#include <string>
#include <vector>

namespace vssemu::test_support {
namespace {

TEST(MingwParser, EvaluatesTheExpressionFormsOfEnumerators) {
  Declarations d = ParseHeaders({R"(
    typedef enum _FLAGS {
        F_ONE = 0x1,
        F_TWO = 2,           /* decimal */
        F_FOUR = 0x4,        // hex
        F_EIGHT = 010,
        F_PAIR = (F_ONE | F_TWO) | F_FOUR,
        F_NESTED = ((F_ONE | F_TWO) | F_FOUR) | F_EIGHT,
        F_ALL = 0xffffffff
    } FLAGS;
    typedef enum _FLAGS *PFLAGS;
    typedef enum LEVEL { L_ZERO, L_ONE, L_FIVE = 5, L_SIX, L_AUTO = -1,
                         L_AFTER_AUTO, L_SHIFTED = 1u << 4, L_MASK = ~0xF & 0xFF,
                         L_SUM = L_FIVE + L_SIX - 1, L_CAST = (int)0xFFFFFFFF } LEVEL;
  )"});
  EXPECT_TRUE(d.errors.empty()) << Lines(d.errors);
  EXPECT_EQ(d.enumerators, (ValueMap{{"F_ONE", 1},
                                     {"F_TWO", 2},
                                     {"F_FOUR", 4},
                                     {"F_EIGHT", 8},
                                     {"F_PAIR", 7},
                                     {"F_NESTED", 15},
                                     {"F_ALL", 0xFFFFFFFFu},
                                     {"L_ZERO", 0},
                                     {"L_ONE", 1},
                                     {"L_FIVE", 5},
                                     {"L_SIX", 6},
                                     {"L_AUTO", 0xFFFFFFFFu},
                                     {"L_AFTER_AUTO", 0},
                                     {"L_SHIFTED", 16},
                                     {"L_MASK", 0xF0},
                                     {"L_SUM", 10},
                                     {"L_CAST", 0xFFFFFFFFu}}));
}

TEST(MingwParser, ReportsWhatItCannotEvaluate) {
  Declarations d = ParseHeaders(
      {"typedef enum { A = NOT_DECLARED, B = (1 | 2, C = 3 * 4 } E;\n"
       "#define VSS_E_ODD (0x80042301)\n"});
  EXPECT_EQ(d.errors.size(), 4u) << Lines(d.errors);
  EXPECT_EQ(d.enumerators.count("A"), 0u);
}

TEST(MingwParser, ReadsHresultsAndInterfaces) {
  Declarations d = ParseHeaders({R"(
    #define VSS_E_BAD_STATE ((HRESULT)0x80042301)
    #define VSS_S_ASYNC_PENDING ((HRESULT)0x00042309L)
    #define VSS_E_CONTINUED \
        ((HRESULT)0x80042414)
    /* #define VSS_E_COMMENTED ((HRESULT)0x80049999) */
    MIDL_INTERFACE("507c37b4-cf5b-4e95-b0af-14eb9767467e")
    IVssAsync : public IUnknown
    MIDL_INTERFACE("00000000-0000-0000-0000-000000000000")
    IVssWMFiledesc : public IUnknown
  )"});
  EXPECT_TRUE(d.errors.empty()) << Lines(d.errors);
  EXPECT_EQ(d.hresults, (ValueMap{{"VSS_E_BAD_STATE", 0x80042301u},
                                  {"VSS_S_ASYNC_PENDING", 0x00042309u},
                                  {"VSS_E_CONTINUED", 0x80042414u}}));
  ASSERT_EQ(d.iids.size(), 1u);
  EXPECT_EQ(d.iids.begin()->first, "IVssAsync");
  EXPECT_EQ(d.iids.begin()->second, IID_IVssAsync);
  EXPECT_TRUE(d.methods.empty());  // No bodies above.
}

TEST(MingwParser, ReadsMethodOrderAndDefineGuids) {
  Declarations d = ParseHeaders({R"(
    MIDL_INTERFACE("507c37b4-cf5b-4e95-b0af-14eb9767467e")
    IVssAsync : public IUnknown
    {
        virtual HRESULT STDMETHODCALLTYPE Cancel(
            ) = 0;
        virtual HRESULT STDMETHODCALLTYPE Wait(
            DWORD dwMilliseconds = INFINITE) = 0;
        // virtual HRESULT STDMETHODCALLTYPE Commented() = 0;
        virtual HRESULT STDMETHODCALLTYPE QueryStatus(
            HRESULT *pHrResult,
            INT *pReserved) = 0;
    };
    typedef struct IVssAsyncVtbl {
        HRESULT (STDMETHODCALLTYPE *Release)(IVssAsync *This);
    } IVssAsyncVtbl;
    DEFINE_GUID(IID_IVssAsync, 0x507c37b4, 0xcf5b, 0x4e95, 0xb0,0xaf, 0x14,0xeb,0x97,0x67,0x46,0x7e);
    DEFINE_GUID(CLSID_Odd, 0x1, 2, 0x3, 4, 5);
  )"});
  EXPECT_EQ(d.errors.size(), 1u) << Lines(d.errors);  // CLSID_Odd.
  EXPECT_EQ(d.methods, (std::map<std::string, std::vector<std::string>>{
                           {"IVssAsync", {"Cancel", "Wait", "QueryStatus"}}}));
  ASSERT_EQ(d.guids.size(), 1u);
  EXPECT_EQ(d.guids.begin()->first, "IID_IVssAsync");
  EXPECT_EQ(d.guids.begin()->second, IID_IVssAsync);
}

}  // namespace
}  // namespace vssemu::test_support
