/* Vietnamese strings missing from Decap CMS's own "vi" locale (decap-cms-locales 3.x): merged into it by
 * plan-portal-editor.js, so no English is left in the editor (tests/browser/test_editor.py checks every key). */
window.PLAN_PORTAL_VI = {
  auth: { loginWithAzure: "Đăng nhập bằng Azure", loginWithForgejo: "Đăng nhập bằng Forgejo" },
  collection: {
    collectionTop: { viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
    entries: { unpublishedHeader: "Mục chưa công bố" },
    groups: { other: "Khác", negateLabel: "Không %{label}" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Trường %{widgetLabel}" } },
    editorControlPane: { i18n: {
      writingInLocale: "Đang viết bằng %{locale}",
      copyFromLocale: "Lấy nội dung từ ngôn ngữ khác",
      copyFromLocaleConfirm: "Lấy nội dung từ %{locale}?\nMọi nội dung hiện có sẽ bị ghi đè.",
    } },
    editorInterface: {
      toggleI18n: "Bật/tắt đa ngôn ngữ", togglePreview: "Bật/tắt xem trước",
      toggleScrollSync: "Cuộn đồng thời", toggleNotes: "Bật/tắt ghi chú",
    },
    editorNotesPane: {
      title: "Ghi chú", emptyState: "Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới.", addNote: "Thêm ghi chú",
      addPlaceholder: "Thêm ghi chú…", editPlaceholder: "Sửa ghi chú…", save: "Lưu", cancel: "Hủy", edit: "Sửa",
      delete: "Xóa", resolve: "Đã xử lý", unresolve: "Mở lại", confirmDelete: "Bạn có chắc muốn xóa ghi chú này?",
      shortcut: "Mẹo: nhấn Ctrl+Enter để thêm nhanh",
    },
    editorToolbar: {
      statusInfoTooltipDraft: "Mục đang là bản nháp. Để gửi duyệt, chuyển trạng thái sang «Đang duyệt».",
      statusInfoTooltipInReview: "Mục đang được duyệt, không cần làm gì thêm; bạn vẫn có thể sửa trong lúc chờ duyệt.",
    },
    editorWidgets: {
      markdown: {
        bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã", link: "Liên kết",
        linkPrompt: "Nhập địa chỉ của liên kết", headings: "Đề mục", quote: "Trích dẫn",
        bulletedList: "Danh sách gạch đầu dòng", numberedList: "Danh sách đánh số", addComponent: "Thêm thành phần",
        toggleMode: { rich: "Chuyển sang chế độ định dạng", markdown: "Chuyển sang chế độ Markdown" },
      },
      image: {
        chooseMultiple: "Chọn ảnh", chooseUrl: "Chèn từ địa chỉ", replaceUrl: "Thay bằng địa chỉ",
        promptUrl: "Nhập địa chỉ của ảnh", addMore: "Thêm ảnh", removeAll: "Gỡ mọi ảnh",
      },
      file: {
        chooseUrl: "Chèn từ địa chỉ", chooseMultiple: "Chọn tệp", replaceUrl: "Thay bằng địa chỉ",
        promptUrl: "Nhập địa chỉ của tệp", addMore: "Thêm tệp", removeAll: "Gỡ mọi tệp",
      },
      datetime: { setToNow: "Đặt %{fieldLabel} là bây giờ" },
      list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
      object: { expand: "Mở rộng", collapse: "Thu gọn" },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { copy: "Sao chép", copyUrl: "Sao chép địa chỉ", copyPath: "Sao chép đường dẫn",
      copyName: "Sao chép tên", copied: "Đã sao chép" },
    mediaLibraryModal: { close: "Đóng" },
  },
  ui: {
    settingsDropdown: { account: "Tùy chọn tài khoản" },
    toast: {
      noteAdded: "Đã thêm ghi chú", onFailToAddNote: "Không thêm được ghi chú: %{details}",
      noteUpdated: "Đã cập nhật ghi chú", onFailToUpdateNote: "Không cập nhật được ghi chú: %{details}",
      noteDeleted: "Đã xóa ghi chú", onFailToDeleteNote: "Không xóa được ghi chú: %{details}",
      noteResolved: "Đã đánh dấu đã xử lý", noteReopened: "Đã mở lại ghi chú",
      onFailToToggleNote: "Không đổi được trạng thái ghi chú: %{details}",
    },
  },
};
