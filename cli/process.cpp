// posix_spawn with three pipes, drained with poll so that neither side blocks on a full pipe.
#include "cli/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace gtm::cli {

namespace {

struct Pipe {
  int read = -1, write = -1;
  bool open() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return false;
    read = fds[0];
    write = fds[1];
    return true;
  }
  void close_read() { close_fd(read); }
  void close_write() { close_fd(write); }
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// Writing to a child that has exited raises SIGPIPE, which would end gtmlint: while this lives
// the signal is blocked in this thread, and one raised meanwhile is taken off before unblocking
// (the write reports EPIPE instead). The process's signal settings are left alone.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  ~SigpipeBlocked() {
    sigset_t pending;
    sigpending(&pending);
    const timespec now = {0, 0};
    if (sigismember(&pending, SIGPIPE)) sigtimedwait(&pipe_, nullptr, &now);
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t pipe_, previous_;
};

// Feeds `input` to the child and reads both of its outputs until they close.
void exchange(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessResult& result) {
  const SigpipeBlocked blocked;
  std::size_t written = 0;
  if (input.empty()) in.close_write();
  if (in.write >= 0) fcntl(in.write, F_SETFL, O_NONBLOCK);
  std::array<char, 65536> buffer;
  while (out.read >= 0 || err.read >= 0) {
    std::array<pollfd, 3> fds = {pollfd{out.read, POLLIN, 0}, pollfd{err.read, POLLIN, 0},
                                 pollfd{in.write, POLLOUT, 0}};
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in.write >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = ::write(in.write, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EAGAIN) written = input.size();  // the child stopped reading
      if (written == input.size()) in.close_write();
    }
    const auto drain = [&](pollfd& fd, Pipe& pipe, std::string& into) {
      if (pipe.read < 0 || !(fd.revents & (POLLIN | POLLERR | POLLHUP))) return;
      const ssize_t n = ::read(pipe.read, buffer.data(), buffer.size());
      if (n > 0) {
        into.append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        pipe.close_read();
      }
    };
    drain(fds[0], out, result.out);
    drain(fds[1], err, result.err);
  }
  in.close_write();
}

}  // namespace

std::optional<ProcessResult> run_process(const std::vector<std::string>& argv,
                                         const std::filesystem::path& directory,
                                         const std::string& input, std::string* error) {
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  posix_spawn_file_actions_addchdir_np(&actions, directory.c_str());
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  in.close_read();
  out.close_write();
  err.close_write();
  ProcessResult result;
  if (spawned != 0) {
    if (error) *error = "cannot run `" + argv[0] + "`: " + std::strerror(spawned);
    in.close_write();
    out.close_read();
    err.close_read();
    return std::nullopt;
  }
  exchange(in, out, err, input, result);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace gtm::cli
