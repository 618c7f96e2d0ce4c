// The emulated machine's volumes: deterministic volume GUID names, the one
// normalisation of volume names, and the lookup of the volume a path lives
// on (with the machine's environment variables).
#include "coordinator/provider_volumes.h"

#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "com/guid_format.h"
#include "paths/vss_paths.h"

namespace vssemu::coordinator {
namespace {

constexpr GUID kDataGuid = {0x12345678,
                            0xabcd,
                            0x4ef0,
                            {0x81, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}};

TEST(ProviderVolumes, DefaultMachineHasOneSupportedNtfsVolumeC) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  ASSERT_EQ(table.volumes().size(), 1u);
  const Volume& c = table.volumes().front();
  EXPECT_EQ(c.display_name, L"C:\\");
  EXPECT_TRUE(c.supported_by_system_provider);
  EXPECT_TRUE(c.ntfs);
  EXPECT_EQ(c.guid_name, paths::VolumeGuidName(c.guid));
}

TEST(ProviderVolumes, SameSeedGivesSameGuidsAndOtherSeedsDiffer) {
  VolumeTable a = VolumeTable::WithDefaultVolumes(7);
  VolumeTable b = VolumeTable::WithDefaultVolumes(7);
  VolumeTable c = VolumeTable::WithDefaultVolumes(8);
  EXPECT_EQ(a.volumes()[0].guid_name, b.volumes()[0].guid_name);
  EXPECT_NE(a.volumes()[0].guid_name, c.volumes()[0].guid_name);
}

TEST(ProviderVolumes, GeneratedGuidsAreVersionFourWithTheStandardVariant) {
  sim::Prng prng(1);
  for (int i = 0; i < 50; ++i) {
    GUID g = GuidFromPrng(prng);
    EXPECT_EQ(g.Data3 & 0xF000, 0x4000);
    EXPECT_EQ(g.Data4[0] & 0xC0, 0x80);
  }
}

TEST(ProviderVolumes, EveryFormOfADriveNameFindsTheSameVolume) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  const Volume* c = &table.volumes().front();
  for (const wchar_t* name : {L"C:\\", L"C:", L"c:\\", L"c:"}) {
    EXPECT_EQ(table.FindVolume(name), c) << "name: " << name;
  }
}

TEST(ProviderVolumes, GuidNameFindsTheVolumeInAnyCaseWithOrWithoutBackslash) {
  VolumeTable table;
  const Volume* data = nullptr;
  ASSERT_EQ(table.Add({.display_name = L"D:\\", .guid = kDataGuid}, &data),
            S_OK);
  for (const wchar_t* name :
       {L"\\\\?\\Volume{12345678-abcd-4ef0-8123-456789abcdef}\\",
        L"\\\\?\\Volume{12345678-abcd-4ef0-8123-456789abcdef}",
        L"\\\\?\\VOLUME{12345678-ABCD-4EF0-8123-456789ABCDEF}\\",
        L"\\\\?\\volume{12345678-AbCd-4ef0-8123-456789abcdef}"}) {
    EXPECT_EQ(table.FindVolume(name), data) << "name: " << name;
  }
}

TEST(ProviderVolumes, PathsSharesAndMalformedNamesAreNotVolumeNames) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  for (const wchar_t* name :
       {L"C:\\some\\path", L"C:\\Windows\\", L"D:\\", L"", L"C", L"C:foo",
        L"\\\\server\\share\\", L"\\\\?\\Volume{not-a-guid}\\", L"\\\\?\\C:\\",
        L"Data\\"}) {
    EXPECT_EQ(table.FindVolume(name), nullptr) << "name: " << name;
  }
  std::wstring with_path = table.volumes()[0].guid_name + L"Windows\\";
  EXPECT_EQ(table.FindVolume(with_path), nullptr);
}

TEST(ProviderVolumes, MountedFolderIsAVolumeName) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  const Volume* mounted = nullptr;
  ASSERT_EQ(table.Add({.display_name = L"C:\\Mount\\Data"}, &mounted), S_OK);
  EXPECT_EQ(mounted->display_name, L"C:\\Mount\\Data\\");
  EXPECT_EQ(table.FindVolume(L"c:\\mount\\data\\"), mounted);
  EXPECT_EQ(table.FindVolume(L"C:\\Mount\\Data"), mounted);
  EXPECT_EQ(table.FindVolume(L"C:\\Mount\\"), nullptr);
}

TEST(ProviderVolumes, AddRefusesBadNamesAndNullGuids) {
  VolumeTable table;
  EXPECT_EQ(table.Add({.display_name = L"Data"}), E_INVALIDARG);
  EXPECT_EQ(table.Add({.display_name = L"D:x"}), E_INVALIDARG);
  EXPECT_EQ(table.Add({.display_name = L"\\\\server\\share\\"}), E_INVALIDARG);
  EXPECT_EQ(table.Add({.display_name = L"D:\\", .guid = GUID_NULL}),
            E_INVALIDARG);
  EXPECT_TRUE(table.volumes().empty());
}

TEST(ProviderVolumes, AddRefusesASecondVolumeWithTheSameNameOrGuid) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  EXPECT_EQ(table.Add({.display_name = L"c:"}), VSS_E_OBJECT_ALREADY_EXISTS);
  ASSERT_EQ(table.Add({.display_name = L"D:\\", .guid = kDataGuid}), S_OK);
  EXPECT_EQ(table.Add({.display_name = L"E:\\", .guid = kDataGuid}),
            VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(table.volumes().size(), 2u);
}

TEST(ProviderVolumes, RefusedAddDoesNotShiftLaterGeneratedGuids) {
  VolumeTable clean(5);
  clean.Add({.display_name = L"D:\\"});
  VolumeTable with_refusal(5);
  EXPECT_EQ(with_refusal.Add({.display_name = L"bad"}), E_INVALIDARG);
  with_refusal.Add({.display_name = L"D:\\"});
  EXPECT_EQ(clean.volumes()[0].guid_name, with_refusal.volumes()[0].guid_name);
}

TEST(ProviderVolumes, PathLookupFindsTheVolumeAFileLivesOn) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  const Volume* c = &table.volumes().front();
  const Volume* d = nullptr;
  ASSERT_EQ(table.Add({.display_name = L"D:\\", .guid = kDataGuid}, &d), S_OK);
  EXPECT_EQ(table.FindVolumeForPath(L"C:\\Data\\x.db"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"c:/data/x.db"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"C:"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"\\\\?\\C:\\Data"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"%SystemRoot%\\System32\\config"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"%systemdrive%\\"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"D:\\Logs\\*.log"), d);
  EXPECT_EQ(table.FindVolumeForPath(
                L"\\\\?\\Volume{12345678-ABCD-4ef0-8123-456789abcdef}\\Logs"),
            d);
}

TEST(ProviderVolumes, PathLookupPrefersTheMountedVolumeOnlyAtAFolderBoundary) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  const Volume* c = &table.volumes().front();
  const Volume* mounted = nullptr;
  ASSERT_EQ(table.Add({.display_name = L"C:\\Mount\\Data\\"}, &mounted), S_OK);
  EXPECT_EQ(table.FindVolumeForPath(L"C:\\Mount\\Data\\db\\x.mdf"), mounted);
  EXPECT_EQ(table.FindVolumeForPath(L"C:\\MOUNT\\DATA"), mounted);
  EXPECT_EQ(table.FindVolumeForPath(L"C:\\Mount\\DataX\\x"), c);
  EXPECT_EQ(table.FindVolumeForPath(L"C:\\Mount"), c);
}

TEST(ProviderVolumes, PathLookupFindsNothingForRelativeSharedOrUnknownPaths) {
  VolumeTable table = VolumeTable::WithDefaultVolumes();
  for (const wchar_t* path :
       {L"Data\\x.db", L"\\Data\\x.db", L"\\\\server\\share\\x", L"E:\\x",
        L"%Nope%\\x", L"", L"C:relative",
        L"\\\\?\\Volume{12345678-abcd-4ef0-8123-456789abcdef}\\x"}) {
    EXPECT_EQ(table.FindVolumeForPath(path), nullptr) << "path: " << path;
  }
}

}  // namespace
}  // namespace vssemu::coordinator
